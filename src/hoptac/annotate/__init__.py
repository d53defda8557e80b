"""The annotated corpus: format, validation, quote-to-offset, drafts, agreement and loading.

Run the tools with ``python -m hoptac.annotate --help``; the guide is ``annotations/GUIDE.md``.
"""

from .corpus import AnnotatedDoc, Span, iter_docs, spans
from .schema import SCHEMA, validate

__all__ = ["SCHEMA", "AnnotatedDoc", "Span", "iter_docs", "spans", "validate"]
