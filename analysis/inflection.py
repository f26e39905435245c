"""The regular inflections of an English word, for lexicon entries written as a lemma with a
trailing ``+`` ("alarm+" matches alarm, alarms, alarmed, alarming, alarmingly).

Rules, after the regular patterns of English spelling (Quirk et al. 1985, appendix I):

- plural and third person: ``-s``; ``-es`` after s, x, z, ch, sh; consonant + y -> ``-ies``;
- past and participle: ``-ed``; ``-d`` after e; consonant + y -> ``-ied``; ``-ic`` -> ``-icked``;
- present participle: ``-ing``; a final silent e dropped; ie -> ``-ying``; ``-ic`` -> ``-icking``;
- adverb: ``-ly``; ``-ic`` -> ``-ically``; consonant + le -> ``-ly``; consonant + y -> ``-ily``;
- a final consonant after a single vowel may double before -ed and -ing (war -> warring,
  stab -> stabbed); both spellings are produced (target -> targeted and targetted), since
  the rule needs the stress and spare forms cost nothing (they never occur).

A form that is also a word of another meaning is the lexicon author's to avoid: an entry is
inflected only when it is written with ``+`` ("record" stays exact: "recorded" is no
superlative). Irregular forms (fought, stole, stolen) are entries of their own. In a
multi-word entry only the last word is inflected ("arms race+" -> "arms races").
"""

from __future__ import annotations

import functools

VOWELS = frozenset("aeiou")
_SIBILANT_ENDS = ("s", "x", "z", "ch", "sh")


def _doubles(word: str) -> bool:
    """Consonant-vowel-consonant at the end, the last not w, x or y: the consonant may double."""
    return (len(word) >= 3 and word[-1] not in VOWELS and word[-1] not in "wxy"
            and word[-2] in VOWELS and word[-3] not in VOWELS)


@functools.lru_cache(maxsize=4096)
def word_forms(word: str) -> tuple[str, ...]:
    """The word itself and its regular inflections, without duplicates, the word first."""
    w = word
    if len(w) < 3 or not w[-1].isalpha():
        return (w,)
    forms = [w]
    consonant_y = w.endswith("y") and w[-2] not in VOWELS
    # plural, third person
    if w.endswith(_SIBILANT_ENDS):
        forms.append(w + "es")
    elif consonant_y:
        forms.append(w[:-1] + "ies")
    else:
        forms.append(w + "s")
    # past, participles
    if w.endswith("ic"):
        forms += [w + "ked", w + "king"]
    elif w.endswith("e"):
        forms.append(w + "d")
        forms.append(w[:-2] + "ying" if w.endswith("ie") else w + "ing" if w.endswith(("ee", "ye", "oe"))
                     else w[:-1] + "ing")
    elif consonant_y:
        forms += [w[:-1] + "ied", w + "ing"]
    else:
        forms += [w + "ed", w + "ing"]
        if _doubles(w):
            forms += [w + w[-1] + "ed", w + w[-1] + "ing"]
    # adverb
    if w.endswith("ic"):
        forms.append(w + "ally")
    elif w.endswith("le") and w[-3] not in VOWELS:
        forms.append(w[:-1] + "y")
    elif consonant_y:
        forms.append(w[:-1] + "ily")
    elif w.endswith("ll"):
        forms.append(w + "y")
    else:
        forms.append(w + "ly")
    return tuple(dict.fromkeys(forms))


def forms(term: str) -> tuple[str, ...]:
    """Every form of a lexicon term: its last word inflected (``word_forms``)."""
    head, sep, last = term.rpartition(" ")
    return tuple(head + sep + f for f in word_forms(last))
