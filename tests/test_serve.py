"""reportlint serve: the local web page, over HTTP and in Chromium, with a real server process."""

import base64
import io
import json
import os
import select
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import docx
import pytest
from cli_helpers import reportlint
from docx_build import numbered_docx, seed_paragraphs, to_bytes
from test_annotate import comments_of

from conftest import ROOT, SEEDS, default_pack
from lint import readers

SEED_FILES = sorted(SEEDS.glob("*.txt"))
MB = 1024 * 1024


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(cwd, *options, env=None, checkout=True):
    """``reportlint serve`` as a person starts it (the checkout's, or with ``checkout`` false
    the installed copy); returns (process, base URL) once it answers."""
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    environment.update({"PYTHONPATH": str(ROOT)} if checkout else {}, **(env or {}))
    process = subprocess.Popen([sys.executable, "-m", "lint", "serve", "--port", str(port), "--isolated", *options],
                               cwd=cwd, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/api/info", timeout=2).read()
            return process, base
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise AssertionError(process.communicate()[1].decode())
            time.sleep(0.1)


def stop_server(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A server started in an empty directory, with an empty temporary directory of its own."""
    cwd, temp = tmp_path_factory.mktemp("serve-cwd"), tmp_path_factory.mktemp("serve-tmp")
    process, base = start_server(cwd, env={"TMPDIR": str(temp)})
    yield base, process, (cwd, temp)
    stop_server(process)


def call(base, path, data=None, headers=None, method=None):
    """(status, headers, body) of a request; errors are answers too."""
    request = urllib.request.Request(base + path, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def post(base, route, name, data, profile=""):
    return call(base, f"/api/{route}?name={quote(name)}&profile={quote(profile)}", data=data)


def seed_docx(seed):
    return to_bytes(numbered_docx([t for _, t in seed_paragraphs(seed.read_text(encoding="utf-8"))]))


def cli_findings(tmp_path, name, data, *options):
    (tmp_path / name).write_bytes(data)
    return json.loads(reportlint("--format", "json", *options, name, cwd=tmp_path).stdout)


# --- over HTTP ------------------------------------------------------------------------------


def listening_addresses(port):
    """Local addresses of the sockets listening on ``port`` (Linux: /proc/net/tcp and tcp6)."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text().splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:
                found.append(address)
    return found


def test_listens_on_127_0_0_1_only(server):
    base, _, _ = server
    if not Path("/proc/net/tcp").exists():
        pytest.skip("no /proc/net/tcp to read listening sockets from")
    assert listening_addresses(int(base.rsplit(":", 1)[1])) == ["0100007F"]  # 127.0.0.1, nothing else
    status, _, _ = call(base, "/api/info", headers={"Host": "reportlint.example"})
    assert status == 400  # a page of another site, through DNS, is not answered


def test_lint_answers_the_same_findings_as_the_command_line(server, tmp_path):
    base, _, _ = server
    for name, data in (("报告.txt", SEED_FILES[0].read_bytes()), ("报告.docx", seed_docx(SEED_FILES[1]))):
        status, headers, body = post(base, "lint", name, data)
        assert status == 200 and headers["Cache-Control"] == "no-store"
        answer = json.loads(body)
        assert answer["findings"] == cli_findings(tmp_path, name, data)
        assert answer["count"] == len(answer["findings"]) > 0
        assert answer["html"].count('class="anchor"') == answer["count"]
        assert answer["summary"].startswith(f"发现 {answer['count']} 个问题")


def test_profile_is_chosen_per_request(server, tmp_path):
    base, _, _ = server
    text = "2023年工作总结\n\n一、主要工作\n\n完成了任务。\n".encode()
    by_profile = {}
    for profile in ("", "述职报告", "工作总结"):
        status, _, body = post(base, "lint", "r.txt", text, profile)
        assert status == 200
        by_profile[profile] = json.loads(body)["findings"]
        options = ("--profile", profile) if profile else ()
        assert by_profile[profile] == cli_findings(tmp_path, "r.txt", text, *options)
    assert by_profile["述职报告"] != by_profile["工作总结"]
    status, _, body = post(base, "lint", "r.txt", text, "检讨书")
    assert status == 400 and "未知的文稿类型「检讨书」" in json.loads(body)["error"]


@pytest.mark.parametrize("name, data, status, message", [
    ("报告.pdf", b"%PDF-1.4", 415, "「报告.pdf」不是可检查的文稿：只接受 .docx、.txt、.md 文件。"),
    ("报告.doc", b"\xd0\xcf\x11\xe0", 415, ".doc、.wps 文件请先在 Word/WPS 中另存为 .docx"),
    ("空.txt", b"", 422, "「空.txt」是空文件。"),
    ("照片.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 422, "无法读取「照片.txt」：binary file"),
    ("照片.docx", b"\xff\xd8\xff\xe0 JFIF", 422, "无法读取「照片.docx」：not a .docx"),
])
def test_what_is_not_a_report_is_refused_clearly(server, name, data, status, message):
    base, _, _ = server
    got, headers, body = post(base, "lint", name, data)
    assert got == status and message in json.loads(body)["error"]


def send_huge(base, size, chunked=False):
    """POST ``size`` zero bytes as a client that stops sending once it is answered; returns
    (bytes sent, answer). The body is never held in memory here either."""
    host, port = base.rsplit("/", 1)[1].split(":")
    framing = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {size}"
    piece = b"\0" * MB
    sent, answer = 0, b""
    with socket.create_connection((host, int(port)), timeout=30) as s:
        s.sendall(f"POST /api/lint?name=big.docx HTTP/1.1\r\nHost: {host}\r\n{framing}\r\n\r\n".encode())
        while sent < size:
            readable, writable, _ = select.select([s], [s], [], 10)
            if readable:
                break  # answered before the end: stop sending, as curl does
            if writable:
                try:
                    s.sendall(f"{len(piece):x}\r\n".encode() + piece + b"\r\n" if chunked else piece)
                except (BrokenPipeError, ConnectionResetError):
                    break
                sent += len(piece)
        while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
            data = s.recv(65536)
            if not data:
                break
            answer += data
    return sent, answer


def peak_memory_kb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_a_200_mb_upload_is_refused_and_the_server_keeps_serving(server, chunked):
    base, process, _ = server
    sent, answer = send_huge(base, 200 * MB, chunked)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413")
    assert json.loads(body)["error"].startswith("「big.docx」太大")
    assert "上限为 20 MB" in json.loads(body)["error"]
    assert sent <= 40 * MB  # refused early, not after reading it all
    status, _, body = post(base, "lint", "r.txt", SEED_FILES[0].read_bytes())
    assert status == 200 and json.loads(body)["count"] > 0
    if Path(f"/proc/{process.pid}/status").exists():
        assert peak_memory_kb(process.pid) < 200 * 1024  # never held the 200 MB


def test_people_at_the_same_time_get_their_own_documents(server):
    base, _, _ = server
    documents = {seed.name: seed.read_bytes() for seed in SEED_FILES}
    expected = {name: json.loads(post(base, "lint", name, data)[2])["findings"] for name, data in documents.items()}
    answers, problems = [], []

    def person(name):
        try:
            for _ in range(3):
                status, _, body = post(base, "lint", name, documents[name])
                answers.append((name, status, json.loads(body)["findings"]))
        except Exception as exc:  # noqa: BLE001 - reported below
            problems.append(exc)

    threads = [threading.Thread(target=person, args=(name,)) for name in documents for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not problems and len(answers) == 30
    for name, status, findings in answers:
        assert status == 200 and findings == expected[name]
        assert {f["path"] for f in findings} == {name}
    # nothing can be asked for again: a document lives only in its own request
    assert call(base, "/api/lint?name=" + SEED_FILES[0].name)[0] == 405
    assert call(base, "/api/annotate?name=" + SEED_FILES[0].name)[0] == 405


def test_downloads_annotated_docx_and_fixed_text(server, tmp_path):
    base, _, _ = server
    data = seed_docx(SEED_FILES[0])
    status, headers, body = post(base, "annotate", "述职报告.docx", data)
    assert status == 200 and headers["Content-Type"].startswith("application/vnd.openxmlformats")
    assert headers["Content-Disposition"] == f"attachment; filename*=UTF-8''{quote('述职报告（批注）.docx')}"
    assert len(comments_of(body)) == len(cli_findings(tmp_path, "a.docx", data))
    text = "某某同志述职报告\n\n全年完成任务。。坚持自已学习。\n".encode()
    status, headers, body = post(base, "fix", "r.txt", text)
    (tmp_path / "r.txt").write_bytes(text)
    reportlint("--fix", "r.txt", cwd=tmp_path)
    assert status == 200 and body == (tmp_path / "r.txt").read_bytes() != text
    assert quote("r（已修正）.txt") in headers["Content-Disposition"]
    status, _, body = post(base, "fix", "r.docx", data)
    assert status == 422 and "Word 文件不能自动修正" in json.loads(body)["error"]


def test_nothing_is_written_to_disk(server):
    base, _, (cwd, temp) = server
    post(base, "lint", "r.docx", seed_docx(SEED_FILES[2]))
    post(base, "annotate", "r.docx", seed_docx(SEED_FILES[2]))
    post(base, "fix", "r.txt", SEED_FILES[2].read_bytes())
    assert list(cwd.iterdir()) == [] and list(temp.iterdir()) == []


def test_page_and_its_files_come_from_the_package(server):
    base, _, _ = server
    status, headers, body = call(base, "/")
    assert status == 200 and b'<html lang="zh-CN">' in body
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    for path in ("/static/app.js", "/static/page.css", "/assets/report.js", "/assets/report.css"):
        assert call(base, path)[0] == 200, path
    assert call(base, "/static/../__init__.py")[0] == 404
    info = json.loads(call(base, "/api/info")[2])
    assert info["profiles"] == list(default_pack().profiles) and info["max_size"] == 20 * MB
    assert 'id="rule-RL101"' in call(base, "/api/rules")[2].decode()


def test_localhost_is_a_loopback_name_and_needs_no_warning(tmp_path):
    process, base = start_server(tmp_path, "--host", "localhost")
    try:
        assert call(base, "/api/info")[0] == 200
    finally:
        stop_server(process)
    assert "warning" not in process.stderr.read().decode()


def test_missing_web_extra_is_a_clear_error(tmp_path):
    blocker = tmp_path / "block"
    blocker.mkdir()
    (blocker / "uvicorn.py").write_text("raise ImportError('blocked', name='uvicorn')\n")
    done = subprocess.run([sys.executable, "-m", "lint", "serve"], capture_output=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join([str(blocker), str(ROOT)])})
    assert done.returncode == 2
    assert "pip install 'reportlint[web]'" in done.stderr.decode()


# --- in the browser -------------------------------------------------------------------------


def drop_files(page, files):
    """Drop files on the page's drop zone as a person drags them from a folder."""
    transfer = page.evaluate_handle("""files => {
        const dt = new DataTransfer();
        for (const [name, data] of files) {
            const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
            dt.items.add(new File([bytes], name));
        }
        return dt; }""", [[name, base64.b64encode(data).decode()] for name, data in files])
    page.dispatch_event("#drop", "drop", {"dataTransfer": transfer})


def open_page(page, base):
    page.goto(base + "/")
    page.wait_for_selector("body[data-ready]")


def test_drop_a_seed_docx_see_its_findings_and_download_the_comments(server, page, tmp_path, artefacts):
    base, _, _ = server
    data = seed_docx(SEED_FILES[0])
    findings = cli_findings(tmp_path, "述职报告.docx", data)
    open_page(page, base)
    drop_files(page, [("述职报告.docx", data)])
    section = page.locator("section.file")
    section.wait_for()
    assert section.locator("ol.findings > li").count() == len(findings) > 5
    marked = page.evaluate("""() => {
        const text = {};
        for (const m of document.querySelectorAll('section.file mark[data-f]')) {
            if (m.getBoundingClientRect().width === 0) continue;
            for (const id of m.dataset.f.split(' ')) text[id] = (text[id] || '') + m.textContent;
        }
        return Object.values(text); }""")
    lines = readers.read(data, "述职报告.docx").lines
    assert marked == [lines[f["line"] - 1].text[f["column"] - 1:f["end_column"] - 1] for f in findings]
    errors = sum(1 for f in findings if f["severity"] == "error")
    assert section.locator("h2 .count").inner_text() == \
        f"{len(findings)} 个问题（错误 {errors}，警告 {len(findings) - errors}）"
    page.screenshot(path=str(artefacts / "serve-page.png"), full_page=True,
                    clip={"x": 0, "y": 0, "width": 1200, "height": 1600})
    with page.expect_download() as waiting:
        page.get_by_role("button", name="下载带批注的 Word 文件").click()
    download = waiting.value
    assert download.suggested_filename == "述职报告（批注）.docx"
    saved = tmp_path / "saved.docx"
    download.save_as(saved)
    assert [c[1].split("\n")[0] for c in comments_of(saved.read_bytes())] == [f["message"] for f in findings]
    assert docx.Document(io.BytesIO(saved.read_bytes())).comments is not None
    assert page.problems == []


def test_paste_text_change_profile_and_download_the_fixed_text(server, page, tmp_path):
    base, _, _ = server
    open_page(page, base)
    page.locator("#paste-box summary").click()
    page.fill("#paste", "2023年工作总结\n\n一、主要工作\n\n完成了任务。。\n")
    page.click("#paste-check")
    page.wait_for_selector("section.file")
    before = page.locator("section.file ol.findings > li").all_inner_texts()
    assert any("标点重复" in item for item in before)
    page.select_option("#profile", "述职报告")
    # (waiting through locators: the page's CSP forbids the string evaluation wait_for_function polls with)
    page.locator("section.file ol.findings > li").nth(len(before)).wait_for()
    assert any("缺少「存在问题」部分" in item for item in page.locator("section.file ol.findings > li").all_inner_texts())
    with page.expect_download() as waiting:
        page.get_by_role("button", name="下载修正后的文本").click()
    saved = tmp_path / "fixed.txt"
    waiting.value.save_as(saved)
    assert saved.read_text(encoding="utf-8") == "2023年工作总结\n\n一、主要工作\n\n完成了任务。\n"
    assert page.problems == []


def test_a_200_mb_file_is_refused_in_the_page_and_the_next_one_is_checked(server, page):
    base, _, _ = server
    open_page(page, base)
    page.evaluate("""() => {
        const dt = new DataTransfer();
        dt.items.add(new File([new ArrayBuffer(200 * 1024 * 1024)], '大文件.docx'));
        document.getElementById('drop').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true}));
    }""")
    refusal = page.locator(".result .error-box")
    refusal.wait_for()
    assert refusal.inner_text() == "「大文件.docx」太大（200 MB），上限为 20 MB：请只上传报告本身。"
    drop_files(page, [("a.txt", SEED_FILES[1].read_bytes()), ("说明.pdf", b"%PDF-1.4")])
    page.wait_for_selector("section.file")
    page.locator(".result .error-box").nth(1).wait_for()
    assert page.locator(".result .error-box").count() == 2
    assert "不是可检查的文稿" in page.locator(".result .error-box").nth(1).inner_text()
    expected = json.loads(reportlint("--format", "json", SEED_FILES[1]).stdout)
    assert page.locator("section.file ol.findings > li").count() == len(expected) > 0
    assert [p for p in page.problems if "415" not in p] == []  # the refused .pdf is the one failed request


def test_an_installed_copy_serves_its_own_page_files(tmp_path):
    """What a non-editable install (pip install '.[web]', as .ci/run does) serves comes from the package."""
    from importlib import metadata

    try:
        dist = metadata.distribution("reportlint")
    except metadata.PackageNotFoundError:
        pytest.skip("reportlint is not installed")
    direct = json.loads(dist.read_text("direct_url.json") or "{}")
    if direct.get("dir_info", {}).get("editable"):
        pytest.skip("an editable install serves the files of the checkout itself")
    installed = {str(f).replace("\\", "/") for f in dist.files or []}
    wanted = {"lint/serve/static/index.html", "lint/serve/static/app.js", "lint/serve/static/page.css",
              "lint/formats/html_assets/report.css", "lint/formats/html_assets/report.js"}
    assert wanted <= installed
    process, base = start_server(tmp_path, checkout=False)
    try:
        for path, source in (("/", "lint/serve/static/index.html"), ("/static/app.js", "lint/serve/static/app.js"),
                             ("/assets/report.css", "lint/formats/html_assets/report.css")):
            status, _, body = call(base, path)
            assert status == 200 and body == (ROOT / source).read_bytes()
    finally:
        stop_server(process)
