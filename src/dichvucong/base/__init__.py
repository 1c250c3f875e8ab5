"""The base room: what several capabilities share (dates and the portal's time zone,
numbers, rate limits, the city's section paths, the few private Zope calls).

Everything may import from here; nothing here imports from another room
(docs/layout.md, tests/test_layout.py).
"""
