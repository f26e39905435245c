"""Page furniture, wire datelines and question subheadings, line by line: both sides of each rule."""

import pytest

from analysis.structure import furniture, is_date_line, question_opener, title_case, wire_dateline


@pytest.mark.parametrize("line, kind", [
    # bylines, in the forms wire copy, business press, tabloids and Chinese outlets use
    ("By Jane Doe :", "byline"),
    ("By Jane Doe | Updated 3 March 2026", "byline"),
    ("By JANE DOE and JOHN ROE, Reuters", "byline"),
    ("By Jane Doe, Technology correspondent", "byline"),
    ("By JANE DOE, TECHNOLOGY EDITOR", "byline"),
    ("By Li Wei | Updated 3 March 2026 14:02", "byline"),
    ("by Ana de la Cruz in Madrid", "byline"),
    ("By Reuters staff", "byline"),
    ("(Reporting by Jane Doe in London and Li Wei in Beijing; Editing by Sam Holmes)", "byline"),
    ("Additional reporting by Li Wei.", "byline"),
    ("Editor: Emmy Wang", "byline"),
    # dateline blocks: a line that is only a date or a time
    ("Updated 14:02 GMT", "dateline"),
    ("Published: 3 March 2026", "dateline"),
    ("Published: 10:02 GMT, 3 March 2026 | Updated: 14:15 GMT, 3 March 2026", "dateline"),
    ("March 3, 2026", "dateline"),
    ("Tue 3 Mar 2026 09.15 GMT", "dateline"),
    ("2026-03-03T14:02:00Z", "dateline"),
    ("Last updated: March 3, 2026 at 2:02 p.m. ET", "dateline"),
    ("Posted 3 hours ago", "dateline"),
    # captions and credits
    ("PHOTO: REUTERS", "caption"),
    ("Photo: AFP/Getty Images", "caption"),
    ("(Image credit: Future)", "caption"),
    ("File photo of the company's logo at its headquarters", "caption"),
    ("FILE PHOTO: The logo is seen in Paris, France, May 1, 2024. REUTERS/Dado Ruvic/Illustration/File Photo",
     "caption"),
    ("Dario Amodei at a conference in 2025. Photograph: Jane Doe/Getty Images", "caption"),
    ("A man walks past the company's logo in Beijing. REUTERS/Tingshu Wang", "caption"),
    ("The chief executive at the summit (Photo by Jane Doe/Getty Images)", "caption"),
    ("Image source, Getty Images", "caption"),
    # long labelled lines that end like sentences (the quick path for prose must still see them)
    ("Media caption, The chief executive of the laboratory told lawmakers on Tuesday that the copying had gone "
     "on for months and that the company had closed every account it could find.", "caption"),
    ("► Read more: The laboratory that accused its rivals of copying its chatbot has itself been accused of "
     "training its models on books and websites without asking anyone first.", "promo"),
    # promos
    ("Read more: Anthropic accuses Chinese labs of copying", "promo"),
    ("Also read: Why distillation matters", "promo"),
    ("READ MORE", "promo"),
    ("READ MORE: Why everyone is talking about distillation", "promo"),
    ("READ MORE Chinese stocks fall after the accusation", "promo"),
    ("Related: China hits back", "promo"),
    ("Related stories", "promo"),
    ("MORE: Chinese labs deny the claims", "promo"),
    ("Watch: the chief executive's statement in full", "promo"),
    ("► See also: the full statement", "promo"),
    ("Sign up for our Tech Briefing newsletter", "promo"),
    # the attribution line under an embedded post
    ("— Jane Critic (@janecritic) March 3, 2026", "social_attribution"),
    ("- Jane Critic (@janecritic) March 3, 2026", "social_attribution"),
    ("— Tech Watcher (@techwatch.bsky.social) 3 March 2026 at 09:14", "social_attribution"),
    ("A post shared by Jane Critic (@janecritic)", "social_attribution"),
])
def test_furniture_is_recognised(line, kind):
    assert furniture(line) == kind


@pytest.mark.parametrize("line", [
    # prose that opens like furniture
    "By Tuesday, the company had agreed to pay.",
    "By contrast, the rival said nothing.",
    "By March the talks had stalled.",
    "By The Numbers",  # a heading, not a byline
    "Read more about the case on the court's website.",
    "More than 200 accounts were closed.",
    "Related reporting suggests the practice is common.",
    "Photo evidence, the company said, would follow.",
    "Credit markets tumbled on Tuesday.",
    "Images of the laboratory circulated online.",
    "Watch the markets, analysts said.",
    "More — much more — is at stake than one company's models.",
    "Credit — and lots of it — is what the start-up needs.",
    "Pictures, not words, tell the story of the night.",
    "Updated guidance was published on Monday, the regulator said.",
    "Published in 2025, the report found that copying was rare.",
    "The company said it had closed 24,000 accounts since March 3, 2026.",
    "Jane Critic (@janecritic) wrote that the claims were rich.",
    "She posted the photo on her account.",
    # headings that are not furniture
    "On Monday",
    "What the company said",
    "2026",
])
def test_prose_and_headings_are_not_furniture(line):
    assert furniture(line) is None


@pytest.mark.parametrize("line, expected", [
    ("3 March 2026", True), ("14:02", True), ("03/03/2026", True), ("Updated: 14:02 GMT", True),
    ("Wednesday, March 4, 2026, 9:00 AM", True), ("3 hours ago", True),
    ("On Monday", False), ("2026", False), ("March", False), ("24,000 accounts", False),
    ("In 2026, the firm grew.", False),
])
def test_date_lines(line, expected):
    assert is_date_line(line) is expected


@pytest.mark.parametrize("text, dateline", [
    ("LONDON (Reuters) - The company said", "LONDON (Reuters) - "),
    ("WASHINGTON, March 3 (Reuters) - A lab", "WASHINGTON, March 3 (Reuters) - "),
    ("SAN FRANCISCO/BEIJING, March 3 (Reuters) - A lab", "SAN FRANCISCO/BEIJING, March 3 (Reuters) - "),
    ("BEIJING — The ministry said", "BEIJING — "),
    ("BEIJING (AP) — The ministry said", "BEIJING (AP) — "),
    ("Beijing, March 3 (Xinhua) -- The ministry", "Beijing, March 3 (Xinhua) -- "),
    ("(Yicai) March 3 -- A Chinese start-up", "(Yicai) March 3 -- "),
    # not datelines
    ("NATO — which has its own rules — said", ""),
    ("AI - the technology - is", ""),
    ("The firm — a start-up — said", ""),
    ("London is where the firm - a start-up - is based", ""),
])
def test_wire_datelines(text, dateline):
    assert text[: wire_dateline(text)] == dateline


@pytest.mark.parametrize("text, question", [
    ("What did the company say? The company, which makes the Claude chatbot, said three labs took part.",
     "What did the company say?"),
    ("Is this the end of downloading? The iTunes Store arrived in 2003 and grew a very big business.",
     "Is this the end of downloading?"),
    ("What’s next for Anthropic? It will brief lawmakers next week on the alleged copying.",
     "What’s next for Anthropic?"),
    ("Where are the artist exclusives?", "Where are the artist exclusives?"),  # on its own line
    # not the form of a subheading
    ("So what? The firm will carry on as before, as it always has done.", ""),  # opens with "So"
    ("But is it theft? Lawyers are divided on the question, and courts have not ruled.", ""),
    ("Is it theft? No.", ""),  # answered in a word
    ("Why, then, does it matter? The accusation could reshape export controls.", ""),  # commas
    ("Did the U.S. know? Officials have declined to say what they were told.", ""),  # inner stops
    ("“Why would we copy anyone?” the company asked in its statement on Tuesday.", ""),  # speech
    ("Is this the end? maybe not, said one analyst who follows the industry closely.", ""),  # lower case
    ("What if the whole industry has been doing this for years without anyone noticing at all?"
     " Then the rules need to change.", ""),  # too long for a subheading
    ("The company said it would appeal. Nobody knows.", ""),
])
def test_question_openers(text, question):
    assert text[: question_opener(text)] == question


@pytest.mark.parametrize("question, expected", [
    ("What Did The Company Say?", True), ("Why Does It Matter?", True),
    ("What did the company say?", False), ("Is It?", False),
])
def test_title_case(question, expected):
    assert title_case(question) is expected
