"""Entity mentions (person, place, organization, treaty, meeting) in a document's body text.

`find_mentions` runs the rule recognizer over every body sentence, makes the types of one document
agree (a surname seen in a full name is a person everywhere; a bare word listed with places is a place),
and adds the mentions of an optional model-based recognizer when one is installed (see `recognizer`).

Decisions a user should know:
- Peoples and ethnonyms ("Ermeniler", "İngilizler", "Amerikalılar", "Yunan") are not mentions.
  Political movements named like peoples ("Bolşevikler", "Taşnaklar", "Müsavatçılar") are
  organizations when the authority file lists them.
- Country names standing alone ("Rusya", "Azerbaycan") are places; names with a head word
  ("Osmanlı Devleti", "Ankara Hükümeti", "Türk ordusu") are organizations.
- Titles after a name stay in the mention ("Kazım Karabekir Paşa"), and so do the English styles "Lord" and
  "Sir" ("Lord Curzon", "Sir H. Rumbold"); other titles and offices before it do not ("General Harington" →
  "Harington", "M. Chicherin" → "Chicherin", "Dışişleri Komiseri Çiçerin" → "Çiçerin").
- Footnotes are not searched: in this literature they hold references, whose authors are citations.
"""

from __future__ import annotations

from vakanuvis.annotate.entities.mentions import find_mentions

__all__ = ["find_mentions"]
