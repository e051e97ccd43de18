"""The HTML report. Kept under this name for users' imports: the code is :mod:`cascade.views.html`."""

from .views.html import *  # noqa: F401,F403
from .views.html import __all__  # noqa: F401
