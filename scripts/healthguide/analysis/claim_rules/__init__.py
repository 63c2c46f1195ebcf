"""HG501's wording rules, one module per kind of claim; :mod:`..claims` applies them in order."""
