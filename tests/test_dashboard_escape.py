"""Text from targets.yaml or a report shown as written: Markdown and Plotly escaping."""

from dashboard.escape import escape_markdown, plain


def test_markdown_escaping_keeps_html_links_and_formatting_as_text():
    assert escape_markdown("<img src=x onerror=alert(1)>") == (r"\<img src=x onerror=alert\(1\)\>")
    assert escape_markdown("**bold** [a](b) $x$ :red[y]") == (
        r"\*\*bold\*\* \[a\]\(b\) \$x\$ \:red\[y\]"
    )
    assert escape_markdown("新增学位 6900个以上") == "新增学位 6900个以上"


def test_plotly_labels_keep_html_as_text():
    assert plain("<b>R&D</b> 5%") == "&lt;b&gt;R&amp;D&lt;/b&gt; 5%"
    assert plain("新增学位 6900个以上") == "新增学位 6900个以上"
