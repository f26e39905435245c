"""The structure of real articles: headline, furniture, social posts and subheadings, offsets exact.

The texts are written for these tests in the forms real coverage takes (wire copy, a tabloid, a
blog with an embedded post, a Chinese financial outlet's English story, an explainer, an opinion
piece); none is copied from an article.
"""

import pytest

from analysis.text import Document, segment

WIRE = """Chinese AI firm denies copying US rival's model

By Jane Doe and John Roe

LONDON (Reuters) - A Chinese artificial intelligence company on Tuesday denied accusations by U.S. laboratory Anthropic that it had trained its own system on the answers of Anthropic's chatbot.

FILE PHOTO: The logo of the company is seen at its offices in Beijing, China, May 1, 2025. REUTERS/Tingshu Wang/File Photo

"We have never used any other company's model to build ours," the company said in a statement.

Anthropic said last week that three Chinese laboratories had sent millions of questions through about 24,000 accounts.

(Reporting by Jane Doe in London and John Roe in Beijing; Editing by Sam Holmes)
"""

TABLOID = """'YOU'VE STOLEN DATA TOO' Tech giant accuses Chinese rival of 'industrial-scale' theft as critics cry hypocrisy over its own models

By JANE DOE, TECHNOLOGY EDITOR
Published: 10:02 GMT, 3 March 2026 | Updated: 14:15 GMT, 3 March 2026

A SILICON Valley AI giant has accused a Chinese rival of plundering its chatbot on an industrial scale.

PHOTO: REUTERS

The firm claims thousands of fake accounts were used to pump out millions of questions.

READ MORE: Why everyone is suddenly talking about distillation

But critics were quick to point out the company had itself trained its models on books and websites.

Photo: AFP/Getty Images

Also read: Chinese tech stocks slide after the accusation

One wrote online: "Pot, meet kettle."
"""

BLOG = """Anthropic's distillation complaint, explained

Posted on March 3, 2026

Anthropic says Chinese labs copied Claude. Not everyone online is convinced by the complaint.

The stolen model claims are rich coming from a company that trained on the whole internet pic.twitter.com/AbC123
— Jane Critic (@janecritic) March 3, 2026

That was one of the milder reactions. Others were ruder still.

they took it without asking lol
— Tech Watcher (@techwatch.bsky.social) March 3, 2026 at 09:14

Related: What distillation is and why it matters
"""

CHINESE_OUTLET = """Chinese AI Start-Up Rejects Anthropic's Distillation Claims

By Li Wei | Updated 3 March 2026 14:02

(Yicai) March 3 -- A Chinese artificial intelligence start-up has rejected claims by US firm Anthropic that it copied the abilities of the Claude models.

The company said its models were built with its own data and methods, and that it would defend its reputation.

Also read: Anthropic accuses three Chinese labs of distillation

Analysts said the dispute could add to the pressure on chip exports.

Editor: Emmy Wang
"""

EXPLAINER = """Anthropic's accusation: what we know

What is distillation? Distillation is a technique in which a smaller model is trained on the answers of a larger one, and it is widely used.

What did the company say? The company, which makes the Claude chatbot, said three laboratories had sent millions of queries.

Why does it matter?

The accusation could reshape the debate about export controls on chips.
"""

OPINION = """The hypocrisy at the heart of the AI copying row

Is this the end of open AI? Many experts think the answer is more complicated than that.

The companies now crying theft built their own models on other people's work.
"""


def check_offsets(raw: str, doc: Document) -> None:
    parts = [*doc.paragraphs, *doc.headings, *doc.furniture, *([doc.headline] if doc.headline else [])]
    for part in parts:
        assert raw[part.start : part.end] == part.text, part
    spans = sorted((p.start, p.end) for p in parts)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), "parts overlap"


def kinds(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in doc.furniture]


def test_wire_copy():
    doc = segment(WIRE)
    check_offsets(WIRE, doc)
    assert doc.headline.text == "Chinese AI firm denies copying US rival's model"
    assert (doc.headline.kind, doc.headline.index) == ("headline", -1)
    assert [k for k, _ in kinds(doc)] == ["byline", "caption", "byline"]
    assert len(doc.paragraphs) == 3 and [p.index for p in doc.paragraphs] == [0, 1, 2]
    first = doc.paragraphs[0]
    assert first.text.startswith("LONDON (Reuters) - A Chinese")  # the dateline stays in the paragraph
    assert first.text[first.dateline.start : first.dateline.end] == "LONDON (Reuters) - "  # marked, not a speaker
    assert all(p.dateline is None for p in doc.paragraphs[1:])


def test_tabloid_with_captions_and_promos():
    doc = segment(TABLOID)
    check_offsets(TABLOID, doc)
    # a headline of 20 words: scored as a paragraph before, now the headline
    assert doc.headline.text.startswith("'YOU'VE STOLEN DATA TOO'") and doc.headline.words >= 15
    assert kinds(doc) == [
        ("byline", "By JANE DOE, TECHNOLOGY EDITOR"),
        ("dateline", "Published: 10:02 GMT, 3 March 2026 | Updated: 14:15 GMT, 3 March 2026"),
        ("caption", "PHOTO: REUTERS"),
        ("promo", "READ MORE: Why everyone is suddenly talking about distillation"),
        ("caption", "Photo: AFP/Getty Images"),
        ("promo", "Also read: Chinese tech stocks slide after the accusation"),
    ]
    assert [p.text[:12] for p in doc.paragraphs] == ["A SILICON Va", "The firm cla", "But critics ", "One wrote on"]
    assert doc.headings == []


def test_blog_with_embedded_posts():
    doc = segment(BLOG)
    check_offsets(BLOG, doc)
    assert doc.headline.text == "Anthropic's distillation complaint, explained"
    assert [k for k, _ in kinds(doc)] == ["dateline", "social_attribution", "social_attribution", "promo"]
    assert [p.kind for p in doc.paragraphs] == ["paragraph", "social", "paragraph", "social"]
    for post in (doc.paragraphs[1], doc.paragraphs[3]):
        # someone else's words: the whole text is quoted speech
        assert [(q.start, q.end) for q in post.quotes] == [(0, len(post.text))]
        assert post.in_quote(0, len(post.text))
    # a short post without a stop is a post, not a heading
    assert doc.paragraphs[3].text == "they took it without asking lol"
    # the quotation does not run on into the writer's next paragraph
    assert doc.paragraphs[2].quotes == []
    assert doc.headings == []


def test_chinese_outlet_english_story():
    doc = segment(CHINESE_OUTLET)
    check_offsets(CHINESE_OUTLET, doc)
    assert doc.headline.text == "Chinese AI Start-Up Rejects Anthropic's Distillation Claims"
    assert kinds(doc) == [("byline", "By Li Wei | Updated 3 March 2026 14:02"),
                          ("promo", "Also read: Anthropic accuses three Chinese labs of distillation"),
                          ("byline", "Editor: Emmy Wang")]
    first = doc.paragraphs[0]
    assert first.text[: first.dateline.end] == "(Yicai) March 3 -- "
    assert len(doc.paragraphs) == 3


def test_explainer_questions_are_split_off_with_exact_offsets():
    doc = segment(EXPLAINER)
    check_offsets(EXPLAINER, doc)
    assert [h.text for h in doc.headings] == ["What is distillation?", "What did the company say?", "Why does it matter?"]
    assert [p.text[:30] for p in doc.paragraphs] == [
        "Distillation is a technique in", "The company, which makes the C", "The accusation could reshape t"]
    assert [p.section for p in doc.paragraphs] == [h.text for h in doc.headings]


def test_a_rhetorical_question_opening_a_paragraph_is_not_split():
    doc = segment(OPINION)
    check_offsets(OPINION, doc)
    assert doc.headings == []
    assert doc.paragraphs[0].text.startswith("Is this the end of open AI? Many experts")


def test_one_glued_question_in_title_case_is_a_subheading_and_in_sentence_case_prose():
    body = ("First paragraph of the story, which ends here.\n\n"
            "{q} The company, which makes the Claude chatbot, said three laboratories took part.\n")
    titled = segment(body.format(q="What Did The Company Say?"))
    assert [h.text for h in titled.headings] == ["What Did The Company Say?"]
    plain = segment(body.format(q="What did the company say?"))
    assert plain.headings == [] and len(plain.paragraphs) == 2


def test_a_short_line_ending_in_a_quotation_mark_is_a_subheading():
    raw = ("The firm made its accusation on Monday.\n\n‘You’ve stolen data too’\n\n"
           "Critics were quick to reply.\n\n“We will fight this.”\n\nThe case goes on.\n")
    doc = segment(raw)
    check_offsets(raw, doc)
    assert [h.text for h in doc.headings] == ["‘You’ve stolen data too’"]
    # a short quotation that ends its sentence is a paragraph of speech
    assert "“We will fight this.”" in [p.text for p in doc.paragraphs]


def test_a_line_closing_a_quotation_carried_from_the_paragraph_before_is_no_heading():
    raw = ("The company spoke on Monday.\n\n“This is the largest case of its kind that we have seen. It will not be the last, and we know it\n\n"
           "We will pursue every remedy”\n\nThe company declined to say more.\n")
    doc = segment(raw)
    assert doc.headings == []
    assert [p.text for p in doc.paragraphs][2] == "We will pursue every remedy”"


@pytest.mark.parametrize("raw, headline", [
    ("# Lab accuses rival\n\nThe lab said so.\n", "Lab accuses rival"),  # Markdown title, mark left out
    ("# Did China copy Claude?\nThe lab said so.\n", "Did China copy Claude?"),
    ("Did China copy Claude?\n\nThe lab said so.\n", "Did China copy Claude?"),  # a question headline
    ("Stop the copying now!\n\nThe lab said so.\n", "Stop the copying now!"),
    ("CHINA STOLE OUR AI, SAYS LAB\n\nThe lab said so.\n", "CHINA STOLE OUR AI, SAYS LAB"),
    ("Lab chief: 'They took our work'\n\nThe lab said so.\n", "Lab chief: 'They took our work'"),
    ("Lab accuses rival\nThe lab said so.\n", "Lab accuses rival"),  # short: no blank line needed
    ("Lab accuses rival\nBy Jane Doe\nThe lab said so.\n", "Lab accuses rival"),
    ("Updated 14:02 GMT\n\nLab accuses rival\n\nThe lab said so.\n", "Lab accuses rival"),
    ("  Lab accuses rival  \r\n\r\nThe lab said so.\r\n", "Lab accuses rival"),
])
def test_headlines(raw, headline):
    doc = segment(raw)
    check_offsets(raw, doc)
    assert doc.headline is not None and doc.headline.text == headline
    assert doc.headline.sentences and doc.headline.tokens
    assert [p.text for p in doc.paragraphs] == ["The lab said so."]
    assert doc.headline.text not in [h.text for h in doc.headings]


@pytest.mark.parametrize("raw", [
    "The lab accused its rival on Monday.\n\nThe rival denied it.\n",  # a first paragraph with its stop
    '"They took our work," the lab said.\n\nThe rival denied it.\n',
    "“They took our work and we will not let it go\n\nThe rival denied it.\n",  # ends inside a quotation
    "Is it over?\nNobody knows yet, said the lab.\n",  # a question needs a blank line to be a headline
    "Key points:\n\n- the lab accused its rival\n",
    "- the lab accused its rival\n\n- the rival denied it\n",
    # a long first line followed by a single line break: a paragraph without its stop, not a headline
    ("The lab said on Monday that its rival had copied the answers of its chatbot through thousands of accounts\n"
     "Officials declined to comment.\n"),
])
def test_no_headline(raw):
    assert segment(raw).headline is None


@pytest.mark.parametrize("line", [
    "Experts Warn Of Catastrophic Threat To Global Markets",  # a headline
    "By Scott Montgomery Washington",  # a byline (the EmoBank set holds such lines)
    "PHOTO: REUTERS",
    "2009-09-18T18:12:20Z",
    "Jane Critic (@janecritic) March 3, 2026",
    "What did the company say?",
    "‘You’ve stolen data too’",
])
def test_a_text_of_one_line_is_a_body(line):
    for raw in (line, line + "\n", line + "\n\n"):
        doc = segment(raw)
        assert [p.text for p in doc.paragraphs] == [line]
        assert doc.headline is None and doc.furniture == [] and doc.headings == []


def test_every_kind_of_block_on_one_page_is_recognised():
    raw = """Lab accuses rival of copying

By Jane Doe | Updated 3 March 2026
Updated 14:02 GMT

The lab said its rival had copied its chatbot.

PHOTO: REUTERS

Read more: What distillation is

This is theft, plain and simple
— Jane Critic (@janecritic) March 3, 2026

The rival denied it.
"""
    doc = segment(raw)
    check_offsets(raw, doc)
    assert {b.kind for b in doc.furniture} == {"byline", "dateline", "caption", "promo", "social_attribution"}
    assert [b.kind for b in doc.furniture] == ["byline", "dateline", "caption", "promo", "social_attribution"]
    assert [p.kind for p in doc.paragraphs] == ["paragraph", "social", "paragraph"]
    scored = " ".join(p.text for p in doc.paragraphs)
    for block in doc.furniture:
        assert block.text not in scored  # furniture is never scored


def test_the_bundled_article_is_unchanged(bundled_text):
    doc = segment(bundled_text)
    assert doc.headline is None and doc.furniture == [] and doc.headings == []
    assert len(doc.paragraphs) == 10
