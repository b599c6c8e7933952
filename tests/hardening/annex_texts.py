"""Texts up to a field's limit, shaped like what people type and what an attacker pastes."""

from hypothesis import strategies as st

# Letters of several scripts, punctuation, markup characters and the odd emoji; no control
# characters (forms refuse NUL, and nothing else of that kind survives a browser form).
_CHARS = st.characters(
    codec="utf-8", exclude_categories=("Cc", "Cs"), exclude_characters="\u200b"
) | st.sampled_from(list("aeiou <>&\"'=+-@\n"))


def text_up_to(limit: int):
    """A text of at most `limit` characters: often exactly the limit, often one unbroken
    word, sometimes ordinary words or a pasted list of many short lines."""
    unbroken = st.integers(1, limit).map(lambda n: "W" * n)
    at_limit = st.sampled_from("xé字<&").map(lambda c: c * limit)
    words = st.lists(
        st.sampled_from(["arbeidsmarkt", "en", "werk", "naar", "Werk-"]), max_size=limit // 13
    ).map(" ".join)
    lines = st.tuples(st.sampled_from(["-", "werk", "x"]), st.integers(1, limit)).map(
        lambda pair: (pair[0] + "\n") * pair[1]
    )
    free = st.text(_CHARS, max_size=min(limit, 400))
    return st.one_of(at_limit, unbroken, words, lines, free).map(lambda t: t[:limit])
