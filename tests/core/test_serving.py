"""`journeys serve` itself: waitress in a real process, spoken to over a real socket."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.core.test_commands import cli

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def served_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("served") / "archive"


@pytest.fixture(scope="module")
def server(served_dir):
    """A new archive (SQLite, a key file) served by `journeys serve` on a free port; its data
    directory and database opened to everyone between `init` and `serve`."""
    data_dir = served_dir
    env = {"JOURNEYS_KEY_FILE": str(data_dir.parent / "archive.key")}
    made = cli("init", "--new-key-file", data_dir=data_dir, **env)
    assert made.returncode == 0, made.stderr
    data_dir.chmod(0o755)
    (data_dir / "journeys.sqlite3").chmod(0o644)
    port = free_port()
    environment = {**os.environ, "JOURNEYS_DATA_DIR": str(data_dir), **env}
    environment.pop("DATABASE_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "journeys.cli", "serve", "--port", str(port)],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        # A file, not a pipe nobody reads: a full pipe would stall the server.
        stderr=(data_dir.parent / "serve.log").open("w"),
        text=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert process.poll() is None, (data_dir.parent / "serve.log").read_text()
            time.sleep(0.2)
    yield port, process
    process.terminate()
    process.wait(timeout=10)


def exchange(port: int, *requests: str) -> bytes:
    """Send the requests on one keep-alive connection; everything the server answered."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall("".join(requests).encode())
        received = b""
        conn.settimeout(2)
        try:
            while chunk := conn.recv(65536):
                received += chunk
        except TimeoutError:
            pass
    return received


def request(method: str, path: str, *, close: bool = False) -> str:
    connection = "close" if close else "keep-alive"
    return f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: {connection}\r\n\r\n"


def test_a_head_request_is_answered_without_a_body(server):
    port, _ = server
    answer = exchange(
        port, request("HEAD", "/accounts/login/"), request("GET", "/accounts/login/", close=True)
    )
    head, rest = answer.split(b"\r\n\r\n", 1)
    assert head.startswith(b"HTTP/1.1 200")
    # The next bytes on the connection are the GET's answer, not the HEAD's page.
    assert rest.startswith(b"HTTP/1.1 200"), rest[:80]
    assert b"Content-Length:" in head
    get_head, page = rest.split(b"\r\n\r\n", 1)
    length = int(
        next(line for line in get_head.split(b"\r\n") if line.startswith(b"Content-Length")).split(
            b":"
        )[1]
    )
    assert len(page) == length > 0


def test_a_head_request_for_a_static_file_has_no_body_either(server):
    port, _ = server
    answer = exchange(
        port,
        request("HEAD", "/static/journeys/journeys.css"),
        request("GET", "/accounts/login/", close=True),
    )
    head, rest = answer.split(b"\r\n\r\n", 1)
    assert head.startswith(b"HTTP/1.1 200")
    assert rest.startswith(b"HTTP/1.1 200"), rest[:80]


def test_serve_made_its_opened_data_directory_private_before_serving(server, served_dir):
    assert served_dir.stat().st_mode & 0o777 == 0o700
    assert (served_dir / "journeys.sqlite3").stat().st_mode & 0o777 == 0o600


def test_a_bad_request_is_a_page_and_one_line_in_the_servers_log(server, served_dir):
    port, _ = server
    answer = exchange(
        port,
        "GET /accounts/login/ HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
    )
    head, page = answer.split(b"\r\n\r\n", 1)
    assert head.startswith(b"HTTP/1.1 400")
    assert "요청을 처리할 수 없습니다".encode() in page
    time.sleep(0.5)  # the log line is written after the answer is sent
    log = (served_dir.parent / "serve.log").read_text()
    refusals = [line for line in log.splitlines() if "evil.example" in line]
    assert len(refusals) == 1, log
    assert "Traceback" not in log
