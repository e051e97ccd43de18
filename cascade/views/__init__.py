"""Views of the cascade for planners: chains up to the RPJMN (``trace``), the pohon kinerja
(``tree``), pandas tables (``tables``) and the HTML report (``html``).

``cascade.views`` itself re-exports the chains, coverage and matrices of :mod:`cascade.views.trace`.
"""

from .trace import *  # noqa: F401,F403
from .trace import __all__  # noqa: F401
