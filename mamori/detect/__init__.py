"""The detection engine: text in, findings of personal information out."""

from mamori.detect.detector import Detector, detect, settle
from mamori.detect.document import Document, fold
from mamori.detect.entities import ALL_TYPES, EntityType
from mamori.detect.finding import Finding
from mamori.detect.mask import mask, mask_value
from mamori.detect.recognizer import Recognizer

__all__ = [
    "ALL_TYPES",
    "Detector",
    "Document",
    "EntityType",
    "Finding",
    "Recognizer",
    "detect",
    "fold",
    "mask",
    "mask_value",
    "settle",
]
