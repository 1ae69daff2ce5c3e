"""Reading sources: files, folders, stdin and URLs, decoding, formats and refusals."""

from __future__ import annotations

import codecs
import io
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.news_site import Page, Site, serve
from workbench import __version__
from workbench.core.errors import InputError
from workbench.ingest import html_text
from workbench.ingest import read as ingest
from workbench.ingest.read import decode, html_to_text, read_path, read_sources, read_url

FIXTURES = Path(__file__).parent / "fixtures"
NEWS = "Ruritania shipped 40,000 tonnes of grain to Freedonia in March."


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def read_one(path: Path):
    docs = read_sources([str(path)])
    assert len(docs) == 1
    return docs[0]


# -- import cost ----------------------------------------------------------------------------


def test_import_does_not_load_heavy_modules() -> None:
    code = (
        "import sys, workbench.ingest.read\n"
        "heavy = [m for m in ('spacy', 'textual', 'trafilatura') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# -- plain text -----------------------------------------------------------------------------


def test_text_file_newlines_normalised(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "a.txt", b"First line.\r\nSecond line.\r\n\r\nThird.\rEnd.\n"))
    assert doc.format == "text"
    assert doc.source == str(tmp_path / "a.txt")
    assert doc.text == "First line.\nSecond line.\n\nThird.\nEnd."
    assert doc.published is None and doc.title is None


@pytest.mark.parametrize(
    "head",
    ["date 2025-09-02\n\n", "Date: 2025-09-02\n", "  date 2025-09-02 ", "\n\nDATE:2025-09-02\n"],
)
def test_text_date_line_becomes_published(tmp_path: Path, head: str) -> None:
    doc = read_one(write(tmp_path / "a.txt", head + NEWS))
    assert doc.published == "2025-09-02"
    assert doc.text == NEWS


def test_text_date_only_on_first_line(tmp_path: Path) -> None:
    text = f"{NEWS}\n\ndate 2025-09-02"
    doc = read_one(write(tmp_path / "a.txt", text))
    assert doc.published is None
    assert doc.text == text


def test_text_without_date_keeps_a_leading_word_date(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "a.txt", "Dates from Ruritania rose in price."))
    assert doc.published is None
    assert doc.text == "Dates from Ruritania rose in price."


# -- markdown -------------------------------------------------------------------------------


def test_markdown_front_matter_and_prose(tmp_path: Path) -> None:
    md = (
        "---\n"
        'title: "Grain for Freedonia"\n'
        "outlet: The Test Ledger\n"
        "url: https://example.org/grain\n"
        "date: 2026-03-14\n"
        "tags: ignored\n"
        "---\n\n"
        "## Background\n\n"
        "Ruritania **shipped** 40,000 tonnes of _grain_ to\n"
        '[Freedonia](https://example.org/freedonia "Freedonia") in *March*.\n\n'
        "![a ship](ship.jpg)\n\n"
        "- Talks resume in April.\n"
        "- A second deal is likely.\n"
    )
    doc = read_one(write(tmp_path / "a.md", md))
    assert doc.format == "markdown"
    assert doc.title == "Grain for Freedonia"
    assert doc.outlet == "The Test Ledger"
    assert doc.url == "https://example.org/grain"
    assert doc.published == "2026-03-14"
    assert doc.text.split("\n\n") == [
        "Background",
        "Ruritania shipped 40,000 tonnes of grain to Freedonia in March.",
        "Talks resume in April.",
        "A second deal is likely.",
    ]


def test_markdown_is_read_as_commonmark(tmp_path: Path) -> None:
    md = (
        "Intro with a [reference link][ref], a [link](https://x.org/a_(b)) and ***nested***"
        " _words_.\n\n"
        "<!-- an editor's note\nover two lines -->\n\n"
        "> Quoted paragraph\n> continues here.\n\n"
        "1. First item\n   - nested item with `code`\n\n"
        "| Country | Tonnes |\n| --- | --- |\n| Ruritania | 40,000 |\n\n"
        '<div class="ad">Subscribe now</div>\n\n'
        "[ref]: https://example.org/ref\n"
    )
    doc = read_one(write(tmp_path / "a.md", md))
    assert doc.text.split("\n\n") == [
        "Intro with a reference link, a link and nested words.",
        "Quoted paragraph continues here.",
        "First item",
        "nested item with code",
        "Country | Tonnes",
        "Ruritania | 40,000",
    ]


def test_markdown_first_heading_is_title(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "a.markdown", f"# Grain for Freedonia\n\n{NEWS}\n"))
    assert doc.title == "Grain for Freedonia"
    assert doc.text == NEWS


def test_markdown_heading_kept_when_front_matter_has_title(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "a.md", f"---\ntitle: Other\n---\n# Heading\n\n{NEWS}\n"))
    assert doc.title == "Other"
    assert doc.text == f"Heading\n\n{NEWS}"


def test_markdown_unclosed_front_matter_is_text(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "a.md", f"---\ntitle: x\n{NEWS}\n"))
    assert doc.title is None
    assert NEWS in doc.text


def test_markdown_keeps_snake_case_and_arithmetic(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "a.md", "The file grain_2026_q1 shows 3 * 4 = 12 ships.\n"))
    assert doc.text == "The file grain_2026_q1 shows 3 * 4 = 12 ships."


def test_sample_article_from_package_data() -> None:
    resource = resources.files("workbench").joinpath("data", "sample_article.md")
    with resources.as_file(resource) as path:
        doc = read_one(path)
    assert doc.title and doc.title.startswith("Ruritania and Freedonia sign grain pact")
    assert doc.outlet == "The Meridian Ledger"
    assert doc.published == "2026-03-14"
    assert doc.url and doc.url.startswith("https://example.org/")
    assert "---" not in doc.text and "title:" not in doc.text
    assert doc.text.startswith("Independent reporting costs money.")


# -- decoding -------------------------------------------------------------------------------


def test_utf8_bom_stripped(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "a.txt", codecs.BOM_UTF8 + "Señor Vos spoke.".encode()))
    assert doc.text == "Señor Vos spoke."


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    data = bom + "Señor Vos spoke.\r\nAgain.".encode(codec)
    assert read_one(write(tmp_path / "a.txt", data)).text == "Señor Vos spoke.\nAgain."


def test_cp1252_fallback(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "a.txt", b"Se\xf1or Vos said \x93yes\x94."))
    assert doc.text == "Señor Vos said “yes”."


def test_neither_utf8_nor_cp1252(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"not valid UTF-8 or Windows-1252"):
        read_one(write(tmp_path / "a.txt", b"Se\xf1or \x81\x8d"))


def test_declared_utf16_without_bom() -> None:
    assert decode("Señor Vos.".encode("utf-16-le"), "x", charset="utf-16le") == "Señor Vos."


def test_valid_utf8_is_not_reinterpreted() -> None:
    assert decode("Señor – “quoted”".encode(), "x") == "Señor – “quoted”"


@pytest.mark.parametrize(
    "data",
    [b"PK\x03\x04\x00\x00binary", bytes(range(1, 32)) * 20 + b"some words"],
    ids=["nul-bytes", "control-chars"],
)
def test_binary_refused(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path / "x.txt", data)
    with pytest.raises(InputError, match=r"x\.txt looks like a binary file, not an article"):
        read_one(path)


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n  "], ids=["empty", "whitespace"])
def test_empty_refused(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path / "x.txt", data)
    with pytest.raises(InputError, match=r"x\.txt is empty$"):
        read_one(path)


@given(st.binary(max_size=300))
@settings(max_examples=200, deadline=None)
def test_decode_only_raises_input_error(data: bytes) -> None:
    try:
        text = decode(data, "x")
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert "\r" not in text and text.strip()


# -- paths and folders ----------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^no such file: .*nope\.txt$"):
        read_sources([str(tmp_path / "nope.txt")])


@pytest.mark.parametrize("name", ["x.pdf", "x.PDF"])
def test_unknown_extension(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, "%PDF-1.4")
    with pytest.raises(InputError) as info:
        read_one(path)
    assert str(info.value) == (
        f"unsupported file type '.pdf' for {path} (expected .txt, .md, .html)"
    )


def test_no_extension(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"unsupported file type \(no extension\)"):
        read_one(write(tmp_path / "README", NEWS))


def test_folder_recursion_sorted_and_filtered(tmp_path: Path) -> None:
    root = tmp_path / "articles"
    write(root / "b.txt", "Bravo text.")
    write(root / "a.md", "Alpha text.")
    write(root / "sub" / "c.html", "<html><body><p>Charlie text.</p></body></html>")
    write(root / "sub" / "deeper" / "d.TXT", "Delta text.")
    write(root / "report.pdf", "%PDF-1.4")
    write(root / "notes.docx", "nope")
    write(root / ".hidden.txt", "Hidden text.")
    write(root / ".git" / "e.txt", "Hidden folder text.")
    docs = read_sources([str(root)])
    assert [Path(d.source).relative_to(root).as_posix() for d in docs] == [
        "a.md",
        "b.txt",
        "sub/c.html",
        "sub/deeper/d.TXT",
    ]
    assert [d.format for d in docs] == ["markdown", "text", "html", "text"]
    assert [d.text for d in docs] == ["Alpha text.", "Bravo text.", "Charlie text.", "Delta text."]


def test_folder_without_usable_files(tmp_path: Path) -> None:
    write(tmp_path / "f" / "a.pdf", "x")
    write(tmp_path / "f" / ".b.txt", "x")
    with pytest.raises(InputError, match=r"no \.txt, \.md or \.html files in folder"):
        read_sources([str(tmp_path / "f")])


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "locked.txt", NEWS)

    def denied(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(InputError, match=r"^cannot read .*locked\.txt: permission denied$"):
        read_path(path)


def test_file_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_BYTES", 64)
    write(tmp_path / "ok.txt", "x" * 64)
    write(tmp_path / "big.txt", "x" * 65)
    assert read_one(tmp_path / "ok.txt").text == "x" * 64
    with pytest.raises(InputError, match=r"big\.txt is larger than the 64-byte limit"):
        read_one(tmp_path / "big.txt")


def test_default_size_limit_message(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: the size is there without writing 6 MB
        fh.truncate(6 * 1024 * 1024)
    with pytest.raises(InputError, match=r"huge\.txt is larger than the 5 MB limit"):
        read_one(path)


def test_sources_keep_order(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", "Alpha text.")
    b = write(tmp_path / "b.txt", "Bravo text.")
    docs = read_sources([str(b), "-", str(a)], stdin=io.BytesIO(b"Stdin text."))
    assert [d.text for d in docs] == ["Bravo text.", "Stdin text.", "Alpha text."]


# -- HTML -----------------------------------------------------------------------------------


def test_html_main_text_without_nav_and_footer() -> None:
    doc = read_one(FIXTURES / "ingest_page.html")
    assert doc.format == "html"
    assert doc.title == "Freedonia opens new port at Selene Bay"
    assert doc.outlet == "The Meridian Ledger"
    assert doc.published == "2026-04-02"
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0].startswith("Freedonia opened a deep-water port at Selene Bay")
    assert paragraphs[-1].startswith("Ruritania, which paid for part of the construction")
    for chrome in ("Weather", "All rights reserved", "Privacy policy", "Most read", "masthead"):
        assert chrome not in doc.text


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><p>Ruritania said <b>grain",
        "<html><body><div><p>Ruritania said</div></span></td> grain <p",
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>Ruritania said grain</p>",
        "<p>Ruritania said grain" + "<div>" * 3000,
        "<html><head><script>var x = '<p>';</script></head><body>Ruritania said grain",
    ],
)
def test_broken_html_gives_text_or_input_error(tmp_path: Path, html: str) -> None:
    path = write(tmp_path / "broken.html", html)
    try:
        doc = read_one(path)
    except InputError as exc:
        assert "broken.html" in str(exc)
    else:
        assert "Ruritania said" in doc.text and "grain" in doc.text
        assert "<" not in doc.text


@pytest.mark.parametrize(
    "html",
    [
        "<html><body>   </body></html>",
        "<html><head><title></title></head></html>",
        "<html><body>&nbsp;<!-- note --><script>var a = 1;</script></body></html>",
    ],
)
def test_html_without_text_is_empty(tmp_path: Path, html: str) -> None:
    with pytest.raises(InputError, match=r"empty\.html is empty$"):
        read_one(write(tmp_path / "empty.html", html))


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><nav>Home | World | Sport</nav></body></html>",
        "<html><body><footer>Copyright 2026 The Ledger</footer></body></html>",
    ],
)
def test_html_with_only_chrome_has_no_article_text(tmp_path: Path, html: str) -> None:
    with pytest.raises(InputError, match=r"^no article text found in .*chrome\.html$"):
        read_one(write(tmp_path / "chrome.html", html))


def test_html_meta_charset_latin1(tmp_path: Path) -> None:
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>Se\xf1or Vos spoke.</p></body>'
    doc = read_one(write(tmp_path / "a.htm", html.encode("latin-1")))
    assert doc.text == "Señor Vos spoke."


def test_missing_html_extractor_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.core.errors import MissingDependencyError

    monkeypatch.setitem(sys.modules, "trafilatura", None)  # as when lxml_html_clean is missing
    with pytest.raises(
        MissingDependencyError, match=r"reading HTML needs trafilatura.*pip install"
    ):
        html_to_text("<html><body><p>Hello there.</p></body></html>", "x")


def test_html_to_text_lxml_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    class Nothing:
        @staticmethod
        def extract(*args: object, **kwargs: object) -> None:
            return None

    monkeypatch.setattr(html_text, "trafilatura_module", lambda: Nothing)
    html = (
        "<html><body><nav>Home World</nav><p>First <i>para</i>.</p><!-- c -->"
        "<script>x()</script><div>Second<br>Third</div><footer>Legal</footer></body></html>"
    )
    assert html_to_text(html, "x") == "First para.\n\nSecond\n\nThird"


@given(st.text(alphabet=st.sampled_from(list("<>/ab p=\"'!-&;\n")), max_size=120))
@settings(max_examples=100, deadline=None)
def test_html_to_text_only_raises_input_error(html: str) -> None:
    try:
        text = html_to_text(html, "x")
    except InputError:
        return
    assert text.strip() == text and text


# -- stdin ----------------------------------------------------------------------------------


def test_stdin_text() -> None:
    (doc,) = read_sources(["-"], stdin=io.BytesIO(b"date 2025-09-02\r\n" + NEWS.encode()))
    assert doc.source == "-" and doc.format == "text"
    assert doc.published == "2025-09-02"
    assert doc.text == NEWS


def test_stdin_defaults_to_sys_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        buffer = io.BytesIO(NEWS.encode())

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    assert read_sources(["-"])[0].text == NEWS


def test_stdin_html_and_markdown_are_sniffed() -> None:
    (html,) = read_sources(["-"], stdin=io.BytesIO(b"<!DOCTYPE html><html><body><p>Hi there.</p>"))
    assert html.format == "html" and html.text == "Hi there."
    (md,) = read_sources(["-"], stdin=io.BytesIO(b"---\ntitle: T\n---\n**Hi** there."))
    assert md.format == "markdown" and md.title == "T" and md.text == "Hi there."


def test_stdin_empty_and_too_big(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError, match=r"^standard input is empty$"):
        read_sources(["-"], stdin=io.BytesIO(b"\n\n"))
    monkeypatch.setattr(ingest, "MAX_BYTES", 10)
    with pytest.raises(InputError, match=r"^standard input is larger than"):
        read_sources(["-"], stdin=io.BytesIO(b"x" * 11))


# -- URLs -----------------------------------------------------------------------------------

PAGE = (
    b"<html><head><title>Port opens</title></head><body><nav>Home | World</nav>"
    b"<article><p>Freedonia opened a port at Selene Bay on Thursday.</p></article></body></html>"
)
SITE = Site(
    {
        "/article": Page(PAGE),
        "/plain": Page(b"Se\xf1or Vos spoke.", "text/plain; charset=windows-1252"),
        "/image": Page(b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
        "/big": Page(b"x" * 200, "text/plain"),
        "/to-file": Page(b"", None, status=302, headers={"Location": "file:///etc/passwd"}),
        "/redirect": Page(b"", None, status=302, headers={"Location": "/article"}),
    }
)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve(SITE) as site:
        yield site.base


def test_url_html(server: str) -> None:
    (doc,) = read_sources([f"{server}/article"], allow_private=True)
    assert doc.format == "html"
    assert doc.source == f"{server}/article" and doc.url == f"{server}/article"
    assert doc.text == "Freedonia opened a port at Selene Bay on Thursday."
    assert doc.title == "Port opens"
    assert SITE.requests("/article")[-1]["User-Agent"] == f"workbench/{__version__}"


def test_url_plain_text_uses_declared_charset(server: str) -> None:
    doc = read_url(f"{server}/plain", allow_private=True)
    assert doc.format == "text" and doc.text == "Señor Vos spoke."


def test_url_follows_http_redirect(server: str) -> None:
    doc = read_url(f"{server}/redirect", allow_private=True)
    assert doc.url == f"{server}/article"
    assert "Selene Bay" in doc.text


def test_url_redirect_to_file_refused(server: str) -> None:
    with pytest.raises(InputError, match=r"redirected to a file: URL"):
        read_url(f"{server}/to-file", allow_private=True)


def test_url_404(server: str) -> None:
    with pytest.raises(InputError) as info:
        read_url(f"{server}/missing", allow_private=True)
    assert str(info.value) == f"cannot fetch {server}/missing: HTTP 404 Not Found"


def test_url_non_article_content_type(server: str) -> None:
    with pytest.raises(InputError, match=r"it is image/png, not an article"):
        read_url(f"{server}/image", allow_private=True)


def test_url_too_big(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_BYTES", 100)
    with pytest.raises(InputError, match=r"/big is larger than the 100-byte limit"):
        read_url(f"{server}/big", allow_private=True)


def test_closed_port_refused_quickly() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    url = f"http://127.0.0.1:{port}/x"
    started = time.monotonic()
    with pytest.raises(InputError) as info:
        read_sources([url], timeout=5)
    assert time.monotonic() - started < 3
    assert str(info.value) == f"cannot fetch {url}: connection refused"


def test_silent_server_times_out() -> None:
    with socket.socket() as sock:  # listens but never answers
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        url = f"http://127.0.0.1:{sock.getsockname()[1]}/slow"
        with pytest.raises(InputError, match=r"timed out after 0\.3 s$"):
            read_url(url, timeout=0.3, allow_private=True)


def test_local_and_private_addresses_refused_by_default(server: str) -> None:
    with pytest.raises(InputError) as info:
        read_url(f"{server}/article")
    assert str(info.value) == (
        "refusing to fetch from 127.0.0.1: it is at 127.0.0.1, a private or local address "
        "(pass --allow-private to allow it)"
    )
    with pytest.raises(InputError, match="private or local address"):
        read_sources([f"{server.replace('127.0.0.1', 'localhost')}/plain"])


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("127.0.0.1", False), ("10.1.2.3", False), ("172.16.0.9", False),
        ("192.168.1.1", False), ("169.254.169.254", False), ("0.0.0.0", False),
        ("::1", False), ("fd00::1", False), ("fe80::1%eth0", False), ("::ffff:10.0.0.1", False),
        ("224.0.0.1", False), ("93.184.215.14", True), ("2606:4700::1111", True),
    ],
)  # fmt: skip
def test_public_address_classification(address: str, public: bool) -> None:
    from workbench.ingest.fetch import is_public_address

    assert is_public_address(address) is public


def test_dripping_server_stopped_by_the_overall_deadline() -> None:
    """A server that answers a byte at a time, each within the per-read timeout."""
    stop = threading.Event()

    def drip(sock: socket.socket) -> None:
        conn, _ = sock.accept()
        with conn:
            conn.recv(4096)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n")
            while not stop.is_set():
                try:
                    conn.sendall(b"x")
                except OSError:
                    return
                time.sleep(0.05)

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        thread = threading.Thread(target=drip, args=(sock,), daemon=True)
        thread.start()
        url = f"http://127.0.0.1:{sock.getsockname()[1]}/drip"
        started = time.monotonic()
        try:
            with pytest.raises(InputError, match=r"no complete answer within 0\.5 s$"):
                read_url(url, timeout=1, deadline=0.5, allow_private=True)
        finally:
            stop.set()
        assert time.monotonic() - started < 2.5


@pytest.mark.parametrize(
    "spec", ["file:///etc/passwd", "ftp://example.org/a.txt", "javascript:alert(1)"]
)
def test_other_schemes_refused(spec: str) -> None:
    with pytest.raises(
        InputError, match=r"^refusing to fetch .*: URL scheme '\w+:' is not allowed"
    ):
        read_sources([spec])


def test_existing_path_with_colon_is_a_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "notes:draft.txt", NEWS)
    assert read_sources(["notes:draft.txt"])[0].text == NEWS


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (
            "Министерство заявило, что переговоры возобновятся в апреле: 40 000 тонн зерна.",
            "koi8_r",
        ),
        (
            "Министерство заявило, что переговоры возобновятся в апреле: 40 000 тонн зерна.",
            "cp1251",
        ),
        ("Η κυβέρνηση ανακοίνωσε ότι οι συνομιλίες θα συνεχιστούν τον Απρίλιο.", "cp1253"),
        ("The café in Zürich said the naïve plan – costing €40 – failed.", "cp1252"),
    ],
)
def test_an_undeclared_legacy_encoding_is_recognised(
    tmp_path: Path, text: str, encoding: str
) -> None:
    doc = read_one(write(tmp_path / "a.txt", text.encode(encoding)))
    assert doc.text == text
