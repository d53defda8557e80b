"""Cross-article identity: near-duplicate articles, people, events and thread timelines.

- :mod:`.text`      name keys and a length-preserving diacritic fold for search snippets
- :mod:`.dedupe`    content hashes, MinHash signatures and LSH band keys (datasketch)
- :mod:`.names`     when two person mentions name the same person
- :mod:`.events`    when two reported events are the same real event
- :mod:`.threads`   the status lifecycle of a thread and its pledged/delivered money
"""
