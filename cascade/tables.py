"""pandas tables for notebooks. Kept under this name for users' imports: the code is :mod:`cascade.views.tables`."""

from .views.tables import *  # noqa: F401,F403
from .views.tables import __all__  # noqa: F401
