"""The browser bench's rerun watch: a filter change ends on the server's script-finished message
even when the page never drew the "running" state."""

import asyncio

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.sessions import RerunWatch


class FakeSocket:
    """Stands for a Playwright page and its websocket: hands the watch each frame received."""

    def __init__(self) -> None:
        self.frame_handlers = []

    def on(self, event: str, handler) -> None:
        if event == "websocket":  # the page opens its one socket
            handler(self)
        else:
            assert event == "framereceived"
            self.frame_handlers.append(handler)

    def receive(self, payload: bytes | str) -> None:
        for handler in self.frame_handlers:
            handler(payload)


def message(kind: str) -> bytes:
    msg = ForwardMsg()
    if kind == "script_finished":
        msg.script_finished = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY
    else:
        msg.delta.new_element.markdown.body = "text"
    return msg.SerializeToString()


def watched_page() -> tuple[FakeSocket, RerunWatch]:
    page = FakeSocket()
    return page, RerunWatch(page)


def test_only_script_finished_messages_count_as_finished_reruns():
    page, watch = watched_page()
    page.receive(message("delta"))
    page.receive("a text frame")
    page.receive(b"\xff not a message")
    assert watch.finished == 0
    page.receive(message("script_finished"))
    assert watch.finished == 1


def test_waiting_for_a_rerun_ends_when_its_script_finished_message_arrives():
    async def scenario() -> int:
        page, watch = watched_page()
        waiting = asyncio.ensure_future(watch.finished_since(0))
        await asyncio.sleep(0)
        page.receive(message("delta"))
        await asyncio.sleep(0)
        assert not waiting.done()
        page.receive(message("script_finished"))
        await asyncio.wait_for(waiting, timeout=1)
        return watch.finished

    assert asyncio.run(scenario()) == 1
