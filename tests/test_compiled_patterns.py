"""A regex made from the machine's cache of compiled patterns is the one `re.compile` makes."""

from __future__ import annotations

import re

import pytest

from vakanuvis import compiled_patterns
from vakanuvis.annotate.dates import grammar

TEXTS = [
    "16 Mart 1336'da İstanbul işgal edildi; 23 Nisan 1920 Ankara.",
    "1 Teşrinisani 38 tarihli telgraf, 19 Mayıs 1919 günü Samsun'a çıktı (?)",
    "В 1921 г. 16 марта Московский договор; 3 декабря 1920 г.",
    "",
]


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("VAKANUVIS_CACHE_DIR", str(tmp_path))
    compiled_patterns._stored.cache_clear()
    compiled_patterns._new.clear()
    yield tmp_path
    compiled_patterns._stored.cache_clear()
    compiled_patterns._new.clear()


def _same(made: re.Pattern[str], reference: re.Pattern[str]) -> None:
    assert (made.pattern, made.flags, made.groups, made.groupindex) == (
        reference.pattern,
        reference.flags,
        reference.groups,
        reference.groupindex,
    )
    for text in TEXTS:
        found = [(m.span(), m.groups(), m.groupdict()) for m in made.finditer(text)]
        expected = [(m.span(), m.groups(), m.groupdict()) for m in reference.finditer(text)]
        assert found == expected


@pytest.mark.skipif(not compiled_patterns._fast_path(), reason="the cache is used on its pinned CPython only")
def test_the_dates_grammar_from_the_cache_is_the_compiled_one(fresh_cache):
    grammar.grammar_for.cache_clear()
    first = grammar.grammar_for(("tr", "ru"))
    path = compiled_patterns.cache_file()
    assert path is not None and path.is_file()
    compiled_patterns._stored.cache_clear()
    stored = compiled_patterns._stored()
    assert stored  # the grammar's patterns were written out
    for (pattern, flags), form in stored.items():
        assert form == compiled_patterns.compiled_form(pattern, flags)  # what CPython's compiler makes now
        _same(compiled_patterns.compile_pattern(pattern, flags), re.compile(pattern, flags))
    grammar.grammar_for.cache_clear()
    second = grammar.grammar_for(("tr", "ru"))
    assert not compiled_patterns._new  # every pattern came from the file
    for (name, made), (reference_name, reference) in zip(second.cores, first.cores, strict=True):
        assert name == reference_name
        _same(made, reference)
    grammar.grammar_for.cache_clear()


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        (r"(?P<day>\d{1,2})\s+(?P<month>Mart|Nisan)(?:\s+(\d{4}))?", 0),
        (r"(?i)teşrin[iı]?(evvel|sani)", 0),
        (r"март\w*", re.IGNORECASE),
        (r"^\s*$", re.MULTILINE),
    ],
)
def test_a_cached_pattern_matches_as_re_compile_does(fresh_cache, pattern, flags):
    made = compiled_patterns.compile_pattern(pattern, flags)
    compiled_patterns.save_compiled_patterns()
    compiled_patterns._stored.cache_clear()
    again = compiled_patterns.compile_pattern(pattern, flags)
    reference = re.compile(pattern, flags)
    _same(made, reference)
    _same(again, reference)


def test_a_torn_cache_file_is_compiled_afresh(fresh_cache):
    path = compiled_patterns.cache_file()
    if path is None:
        pytest.skip("no cache on this Python")
    path.write_bytes(b"\x00garbage")
    assert compiled_patterns._stored() == {}
    _same(compiled_patterns.compile_pattern(r"\d+"), re.compile(r"\d+"))


@pytest.mark.skipif(not compiled_patterns._fast_path(), reason="the cache is used on its pinned CPython only")
def test_a_damaged_entry_in_the_cache_is_compiled_afresh(fresh_cache):
    import marshal

    path = compiled_patterns.cache_file()
    assert path is not None
    flags, code, groups, groupindex, indexgroup = compiled_patterns.compiled_form(r"(\d+)-(\w+)")
    damaged = (flags, [99999, *code[1:]], groups, groupindex, indexgroup)  # not SRE code
    path.write_bytes(marshal.dumps({(r"(\d+)-(\w+)", 0): damaged}))
    _same(compiled_patterns.compile_pattern(r"(\d+)-(\w+)"), re.compile(r"(\d+)-(\w+)"))
