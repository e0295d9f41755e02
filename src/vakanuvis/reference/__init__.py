"""Reference data that every stage may consult: the authority file of known actors (people, states,
treaties, congresses, historical places) and the gazetteer of places with their coordinates.

The annotators recognize names with them and resolution gives entities their identity from them, so they
sit below both, beside the language data (`lang/`).
"""
