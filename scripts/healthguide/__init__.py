"""healthguide: the checks and rendering helpers behind a self-checking health guide.

One core (load once into a :class:`~healthguide.model.Site`, run pure checks over it)
with two thin adapters: the command line (``python -m healthguide``) and the MkDocs plugin.
"""

__version__ = "0.1.0"
