"""mamori (守り): keeps personal information from leaking out of an organisation."""

from mamori.detect import Detector, Finding, Recognizer, detect, mask

__version__ = "0.1.0"

__all__ = ["Detector", "Finding", "Recognizer", "__version__", "detect", "mask"]
