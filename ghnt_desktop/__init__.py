"""ghnt_desktop: programme, meetings and documents for regional GHNT networks."""

__version__ = "0.1.0"
