"""The school-server config, deploy/nginx/shequn.conf, served by Debian's nginx on 127.0.0.1.

The file is used as shipped, except for its listen lines and the two site paths; both editions of the
fixture course are built for it. Pages, assets, the search index and a missing URL are fetched with
``Accept-Encoding: gzip`` and their headers checked.
"""

from __future__ import annotations

import base64
import gzip
import grp
import http.client
import os
import pwd
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import ROOT, build, copy_course
from coursekit.deploy.rules import IMMUTABLE, REVALIDATE, SHORT

pytestmark = pytest.mark.build

CONF = ROOT / "deploy" / "nginx" / "shequn.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PASSWORD = ("teacher", "课堂-secret")
TEACHER_NAME = "夹具课程（教师版）"

MAIN = """\
user {user} {group};
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy; fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
    include {tmp}/shequn.conf;
}}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def site_config(port: int, student: Path, teacher: Path, htpasswd: Path) -> str:
    """shequn.conf with only the listen address and the paths changed."""
    text = CONF.read_text(encoding="utf-8")
    text, listens = re.subn(r"^    listen .*;\n", "", text, flags=re.M)
    assert listens == 2, "shequn.conf listens on port 80 over IPv4 and IPv6"
    text = text.replace("    server_name", f"    listen 127.0.0.1:{port};\n    server_name", 1)
    for old, new in (("/srv/shequn/site-teacher/", f"{teacher}/"), ("/srv/shequn/site;", f"{student};"),
                     ("/etc/nginx/shequn-teacher.htpasswd", str(htpasswd))):
        assert old in text
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def nginx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """nginx serving both fixture editions; yields its port."""
    if not Path(NGINX).exists():
        pytest.skip("nginx is not installed (make system-deps installs Debian's package)")
    tmp = tmp_path_factory.mktemp("nginx")
    course = copy_course(tmp / "course")
    (course / "mkdocs.teacher.yml").write_text(
        f"INHERIT: mkdocs.yml\nsite_name: {TEACHER_NAME}\nplugins:\n  coursekit:\n    edition: teacher\n", encoding="utf-8")
    for config, out in (("mkdocs.yml", tmp / "site"), ("mkdocs.teacher.yml", tmp / "site-teacher")):
        result = build(config, out, cwd=course)
        assert result.returncode == 0, result.stderr
    htpasswd = tmp / "htpasswd"
    htpasswd.write_text(f"{PASSWORD[0]}:{{PLAIN}}{PASSWORD[1]}\n", encoding="utf-8")
    port = free_port()
    (tmp / "shequn.conf").write_text(site_config(port, tmp / "site", tmp / "site-teacher", htpasswd), encoding="utf-8")
    main = MAIN.format(tmp=tmp, user=pwd.getpwuid(os.getuid()).pw_name, group=grp.getgrgid(os.getgid()).gr_name)
    (tmp / "nginx.conf").write_text(main, encoding="utf-8")
    cmd = [NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "error.log"), "-g", "daemon off;"]
    check = subprocess.run([*cmd[:-2], "-t"], capture_output=True, text=True, timeout=30)
    assert check.returncode == 0, check.stderr
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    error = (tmp / "error.log").read_text(encoding="utf-8", errors="replace") if (tmp / "error.log").exists() else ""
                    pytest.fail(f"nginx did not start: {error}")
                time.sleep(0.05)
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def get(port: int, path: str, auth: tuple[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Accept-Encoding": "gzip"}
    if auth:
        headers["Authorization"] = "Basic " + base64.b64encode(":".join(auth).encode()).decode()
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def test_pages_are_utf8_gzipped_and_revalidated(nginx: int) -> None:
    for path in ("/", "/modules/01-alpha/", "/library/glossary/index.html"):
        status, headers, _ = get(nginx, path)
        assert status == 200, path
        assert headers["content-type"] == "text/html; charset=utf-8", path
        assert headers.get("content-encoding") == "gzip", path
        assert headers["cache-control"] == REVALIDATE, path


def test_a_directory_without_its_slash_is_redirected(nginx: int) -> None:
    status, headers, _ = get(nginx, "/modules/01-alpha")
    assert status == 301
    assert headers["location"].endswith("/modules/01-alpha/")


def test_fingerprinted_assets_are_immutable_and_others_short(nginx: int) -> None:
    status, headers, body = get(nginx, "/index.html")
    assert status == 200
    html = gzip.decompress(body).decode("utf-8")
    bundle = re.search(r'src="(assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js)"', html)
    css = re.search(r'href="(assets/stylesheets/main\.[0-9a-f]{8}\.min\.css)"', html)
    assert bundle and css, "material's fingerprinted bundle and stylesheet are linked from the page"
    for path, kind in ((bundle[1], "javascript"), (css[1], "text/css")):
        status, headers, _ = get(nginx, "/" + path)
        assert status == 200
        assert kind in headers["content-type"] and headers["content-type"].endswith("; charset=utf-8")
        assert headers["content-encoding"] == "gzip"
        assert headers["cache-control"] == IMMUTABLE
    status, headers, _ = get(nginx, "/assets/images/favicon.png")
    assert (status, headers["content-type"], headers["cache-control"]) == (200, "image/png", SHORT)
    assert "content-encoding" not in headers  # not a text type


def test_the_search_index_is_gzipped_json(nginx: int) -> None:
    status, headers, body = get(nginx, "/search/search_index.json")
    assert status == 200
    assert headers["content-type"] == "application/json; charset=utf-8"
    assert headers["content-encoding"] == "gzip"
    assert headers["cache-control"] == REVALIDATE
    assert b'"docs"' in gzip.decompress(body)


def test_a_missing_url_gets_materials_404_page(nginx: int) -> None:
    status, headers, body = get(nginx, "/no/such/page/")
    assert status == 404
    assert headers["content-type"] == "text/html; charset=utf-8"
    html = gzip.decompress(body).decode("utf-8")
    assert "404" in html and "md-content" in html  # material's page, not nginx's own


def test_the_teacher_edition_needs_the_password(nginx: int) -> None:
    status, headers, _ = get(nginx, "/teacher/")
    assert status == 401 and "basic" in headers["www-authenticate"].lower()
    status, headers, body = get(nginx, "/teacher/", PASSWORD)
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert headers["cache-control"] == "private, no-cache"
    html = gzip.decompress(body).decode("utf-8")
    assert TEACHER_NAME in html  # the teacher edition, not the student one
    status, headers, _ = get(nginx, "/teacher/search/search_index.json", PASSWORD)
    assert (status, headers["content-type"], headers["content-encoding"]) == (200, "application/json; charset=utf-8", "gzip")
    status, headers, body = get(nginx, "/teacher/no/such/page/", PASSWORD)
    assert status == 404 and "md-content" in gzip.decompress(body).decode("utf-8")
