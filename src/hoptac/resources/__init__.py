"""Vocabularies, gazetteers, cue words and the taxonomy: data, not logic."""
