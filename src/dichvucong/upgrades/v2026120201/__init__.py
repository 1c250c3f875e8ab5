"""2026112201 -> 2026120201: the house in order. Sections by role from the city's site
data, behaviors for shared fields, the procedure tables' editor, the officials' forms."""
