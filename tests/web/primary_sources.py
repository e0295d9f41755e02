"""Four tiny primary sources of 1920–22 for the browser tests and the screenshots, stored with their metadata.

Each text is analysed by the real pipeline; its date, type, authors and place are then set as a user would
give them at ingest (the speech's date marked as read off its text), and the document is stored with
`save_document`. The undated letter's days have no year anywhere (its events are of unknown year,
0001-01-01 to 9999-12-31) and the speech names a span of more than five years: the timeline lists such
events apart from its axis. The texts are short made-up examples in the style of the period, not quotations.
"""

from __future__ import annotations

from pathlib import Path

# file name -> (text, metadata, how each field was known)
PRIMARY_SOURCES = {
    "tamim-telgrafi-1920.txt": (
        "Ankara, 16 Mart 1920\n\n"
        "Bütün vilayetlere ve kolordu kumandanlıklarına. Bugün İstanbul’un işgal edildiği haber alınmıştır. "
        "Heyet-i Temsiliye, milletin sükûnetle vazifesine devam etmesini rica eder.\n",
        {
            "title": "İstanbul’un işgali üzerine tamim telgrafı",
            "type": "telegram",
            "date": "1920-03-16",
            "authors": ["Mustafa Kemal"],
            "place": "Ankara",
        },
        {"title": "given", "type": "given", "date": "given", "authors": "given", "place": "given"},
    ),
    "moskova-mektubu-1920.txt": (
        "Moskova’dan Ankara’ya gönderilen mektuptur. Heyetimiz Moskova’ya varmış, görüşmelere başlanmıştır. "
        "Azerbaycan üzerinden gelen haberler de bu mektuba eklenmiştir.\n",
        {
            "title": "Moskova’daki heyetten mektup",
            "type": "letter",
            "date": "1920-04~",
            "authors": ["Bekir Sami"],
            "place": "Moskova",
        },
        {"title": "given", "type": "given", "date": "given", "authors": "given", "place": "given"},
    ),
    "meclis-nutku-1922.txt": (
        "Büyük Millet Meclisi’nin 1 Mart 1922 tarihli celsesinde irat edilen nutuktur. "
        "Meclis, Moskova Antlaşması’ndan bu yana geçen sürede Kafkasya’daki gelişmeleri görüşmüştür. "
        "Kafkasya’da sınırlar 1914-1921 yılları arasında defalarca değişmiştir.\n",
        {
            "title": "Meclisin üçüncü içtima yılını açış nutku",
            "type": "speech",
            "date": "1922-03-01",
            "authors": ["Mustafa Kemal"],
        },
        {"title": "given", "type": "given", "date": "detected", "authors": "given"},
    ),
    "kars-mektubu.txt": (
        "Heyetimiz 29 Ekim günü Kars’a varmıştır. Kumandanlıkla görüşmelere 3 Kasım’da başlanmıştır. "
        "Gümrü yolunun açılması beklenmektedir.\n",
        {"title": "Kars’taki heyetten tarihsiz mektup", "type": "letter", "place": "Kars"},
        {"title": "given", "type": "given", "place": "given"},
    ),
}


def store_primary_sources(knowledge_base, folder: Path) -> list[Path]:
    """Write the texts into `folder`, analyse and store each with its metadata, resolve; their paths."""
    from vakanuvis.ingest import read_file
    from vakanuvis.pipeline import analyse
    from vakanuvis.store.write import save_document

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, (text, metadata, origins) in PRIMARY_SOURCES.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        document = analyse(read_file(path))
        for field, value in metadata.items():
            setattr(document, field, value)
        document.origins = dict(origins)
        save_document(knowledge_base.engine, document)
        paths.append(path)
    knowledge_base.resolve()
    return paths
