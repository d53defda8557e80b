"""Extraction stages: NLP, entities, amounts, dates, events, statements, topics."""
