"""The dashboard: `streamlit run dashboard/app.py` (reads $TARGETS_FILE, else targets.yaml)."""

import logging

import streamlit as st

from dashboard.i18n import t
from dashboard.layout import prepare
from dashboard.state import sync_url

# named, not __name__: Streamlit runs this file as __main__
logger = logging.getLogger("dashboard.app")

st.set_page_config(page_title="Work-report targets · 政府工作报告目标追踪", layout="wide")

page_context = prepare()
lang = page_context.lang
# no page icons: Streamlit fetches Material icons from fonts.gstatic.com (blocked in China, and
# nothing is fetched from another host), and the machines' emoji fonts vary
pages = [
    st.Page(
        "views/overview.py",
        title=t("page_overview", lang),
        default=True,
    ),
    st.Page("views/commitments.py", title=t("page_commitments", lang)),
    st.Page("views/commitment.py", title=t("page_commitment", lang)),
    st.Page("views/coverage.py", title=t("page_coverage", lang)),
    st.Page("views/about.py", title=t("page_about", lang)),
]
current = st.navigation(pages, position="hidden" if page_context.filters.clean else "sidebar")
sync_url(page_context, on_commitment_page=current.url_path == "commitment")
try:
    current.run()
except Exception as error:  # the maintainers get the traceback in the log, the reader a message
    logger.exception("page %r failed", current.url_path or "overview")
    st.error(
        "这一页出错了，请把网址发给维护者。 / This page failed; please send its address to the "
        f"maintainers. ({type(error).__name__})"
    )
