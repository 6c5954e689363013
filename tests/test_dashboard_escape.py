"""Text from targets.yaml or a report shown as written: Markdown and Plotly escaping."""

from dashboard.escape import escape_markdown, literal, plain


def test_markdown_escaping_keeps_html_links_and_formatting_as_text():
    assert escape_markdown("<img src=x onerror=alert(1)>") == (r"\<img src=x onerror=alert\(1\)\>")
    assert escape_markdown("**bold** [a](b) $x$ :red[y]") == (
        r"\*\*bold\*\* \[a\]\(b\) \$x\$ \:red\[y\]"
    )
    assert escape_markdown("新增学位 6900个以上") == "新增学位 6900个以上"


def test_plotly_labels_keep_html_as_text():
    assert plain("<b>R&D</b> 5%") == "&lt;b&gt;R&amp;D&lt;/b&gt; 5%"
    assert plain("新增学位 6900个以上") == "新增学位 6900个以上"


def test_literal_text_stays_one_line_of_text_with_no_link_image_or_autolink():
    payload = "foo=a\n\n[CLICK ME](https://evil.example/login) ![i](data:text/html,x) :red[R]"
    assert literal(payload) == (
        "foo=a⏎⏎\\[CLICK ME\\]\\(https\u2060\\://evil\\.example/login\\) "
        "\\!\\[i\\]\\(data\\:text/html,x\\) \\:red\\[R\\]"
    )
    assert literal("q=www.evil.example") == "q=www\u2060\\.evil\\.example"
    assert literal("to=a@evil.example") == "to=a\u2060@evil\\.example"
    assert literal("e=\x1b[2K`x`") == "e=\\\\x1b\\[2K\\`x\\`"


def test_unknown_url_parameters_are_named_as_text_never_markdown(bundled, open_page):
    at = open_page(
        lang="en", foo="a\n\n[CLICK ME](https://evil.example/login) ![i](http://x.example/p.png)"
    )
    [notice] = [c.value for c in at.caption if c.value.startswith("Ignored in the address")]
    assert notice == (
        "Ignored in the address (unknown parameter or value): foo=a⏎⏎\\[CLICK ME\\]\\("
        "https\u2060\\://evil\\.example/login\\) \\!\\[i\\]\\(http\u2060\\://x\\.example/p\\.png\\)"
    )


def test_a_url_in_a_data_field_never_becomes_a_link():
    shown = escape_markdown("见 https://evil.example/phish 或 www.evil.example 或 a@evil.example")
    assert "https://" not in shown and "www." not in shown and "a@" not in shown
    assert shown.replace("\u2060", "").replace("\\", "") == (
        "见 https://evil.example/phish 或 www.evil.example 或 a@evil.example"
    )
