"""``coursekit deploy`` against a real S3 server (moto's, started here on 127.0.0.1), with the fixture course
built for it: every file arrives with its Content-Type and Cache-Control, a second run changes nothing,
``--delete`` and ``--dry-run`` do what they say, and the three ways it fails say so in one line."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from click.testing import CliRunner
from moto import settings as moto_settings
from moto.server import ThreadedMotoServer

from conftest import build, copy_course
from coursekit.cli import main
from coursekit.deploy.plan import parse_target, scan
from coursekit.deploy.rules import IMMUTABLE, REVALIDATE, SHORT, cache_control, content_type

pytestmark = pytest.mark.build

CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1",
               # nothing from this machine's ~/.aws, and no retries of a refused connection
               "AWS_CONFIG_FILE": os.devnull, "AWS_SHARED_CREDENTIALS_FILE": os.devnull, "AWS_MAX_ATTEMPTS": "1"}


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    """moto's S3 server on a free port of 127.0.0.1, with test credentials in the environment."""
    with pytest.MonkeyPatch.context() as mp:
        for name, value in CREDENTIALS.items():
            mp.setenv(name, value)
        for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3"):
            mp.delenv(name, raising=False)
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        server.start()
        host, port = server.get_host_and_port()
        try:
            yield f"http://{host}:{port}"
        finally:
            server.stop()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("deploy")
    result = build("mkdocs.yml", tmp / "site", cwd=copy_course(tmp / "course"))
    assert result.returncode == 0, result.stderr
    return tmp / "site"


@pytest.fixture
def site(built: Path, tmp_path: Path) -> Path:
    """A private copy of the built fixture site, safe to change."""
    return Path(shutil.copytree(built, tmp_path / "site"))


@pytest.fixture
def bucket(endpoint: str) -> str:
    name = f"course-{uuid.uuid4().hex[:12]}"
    s3(endpoint).create_bucket(Bucket=name)
    return name


def s3(endpoint: str) -> Any:
    return boto3.client("s3", endpoint_url=endpoint)


def deploy(*args: str) -> Any:
    result = CliRunner().invoke(main, ["deploy", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def objects(endpoint: str, bucket: str, prefix: str = "") -> dict[str, Any]:
    pages = s3(endpoint).get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
    return {o["Key"]: o for page in pages for o in page.get("Contents", [])}


def test_every_file_arrives_with_its_type_and_cache(endpoint: str, bucket: str, site: Path) -> None:
    result = deploy(str(site), f"s3://{bucket}/shequn", "--endpoint-url", endpoint)
    assert result.exit_code == 0, result.output
    files = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    assert sorted(objects(endpoint, bucket)) == sorted(f"shequn/{rel}" for rel in files)
    assert f"上传 {len(files)} 个文件" in result.output
    client = s3(endpoint)
    index = client.get_object(Bucket=bucket, Key="shequn/index.html")
    assert index["ContentType"] == "text/html; charset=utf-8"
    assert index["CacheControl"] == REVALIDATE
    assert index["Body"].read() == (site / "index.html").read_bytes()
    fingerprinted = [rel for rel in files if rel.startswith("assets/") and ".min." in rel and "/lunr/" not in rel]
    assert any(rel.endswith(".js") for rel in fingerprinted) and any(rel.endswith(".css") for rel in fingerprinted)
    for rel in fingerprinted:
        head = client.head_object(Bucket=bucket, Key=f"shequn/{rel}")
        assert head["CacheControl"] == IMMUTABLE, rel
        assert head["Metadata"]["sha256"]
    bundle = next(rel for rel in fingerprinted if rel.endswith(".min.js"))
    assert client.head_object(Bucket=bucket, Key=f"shequn/{bundle}")["ContentType"] == "text/javascript; charset=utf-8"
    search = client.head_object(Bucket=bucket, Key="shequn/search/search_index.json")
    assert (search["ContentType"], search["CacheControl"]) == ("application/json; charset=utf-8", REVALIDATE)
    favicon = client.head_object(Bucket=bucket, Key="shequn/assets/images/favicon.png")
    assert (favicon["ContentType"], favicon["CacheControl"]) == ("image/png", SHORT)


def test_a_second_run_changes_no_object(endpoint: str, bucket: str, site: Path) -> None:
    target = f"s3://{bucket}/shequn/"
    assert deploy(str(site), target, "--endpoint-url", endpoint).exit_code == 0
    before = {k: (o["ETag"], o["LastModified"]) for k, o in objects(endpoint, bucket).items()}
    time.sleep(1.1)  # LastModified has whole seconds: an upload now would show
    again = deploy(str(site), target, "--endpoint-url", endpoint, "--delete")
    assert again.exit_code == 0, again.output
    assert f"上传 0 个文件（0.0 MB），删除 0 个，{len(before)} 个未变" in again.output
    assert {k: (o["ETag"], o["LastModified"]) for k, o in objects(endpoint, bucket).items()} == before


def test_a_changed_page_alone_is_uploaded(endpoint: str, bucket: str, site: Path) -> None:
    target = f"s3://{bucket}/shequn"
    deploy(str(site), target, "--endpoint-url", endpoint)
    page = site / "library" / "glossary" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", "<p>新增一段</p></body>"), encoding="utf-8")
    result = deploy(str(site), target, "--endpoint-url", endpoint)
    assert "上传 1 个文件" in result.output
    body = s3(endpoint).get_object(Bucket=bucket, Key="shequn/library/glossary/index.html")["Body"].read()
    assert "新增一段" in body.decode("utf-8")


def test_an_object_without_an_md5_etag_is_compared_by_its_stored_sha256(endpoint: str, bucket: str, site: Path) -> None:
    """A multipart upload's ETag is not an MD5: the sha256 in the metadata decides (no upload if it matches)."""
    deploy(str(site), f"s3://{bucket}/", "--endpoint-url", endpoint)
    (f,) = [f for f in scan(site) if f.rel == "search/search_index.json"]
    client = s3(endpoint)

    def multipart(metadata: dict[str, str]) -> None:
        part = client.create_multipart_upload(Bucket=bucket, Key=f.rel, Metadata=metadata)
        etag = client.upload_part(Bucket=bucket, Key=f.rel, UploadId=part["UploadId"], PartNumber=1,
                                  Body=f.path.read_bytes())["ETag"]
        client.complete_multipart_upload(Bucket=bucket, Key=f.rel, UploadId=part["UploadId"],
                                         MultipartUpload={"Parts": [{"ETag": etag, "PartNumber": 1}]})
        assert "-" in objects(endpoint, bucket)[f.rel]["ETag"]

    multipart({"sha256": f.sha256})
    assert "上传 0 个文件" in deploy(str(site), f"s3://{bucket}", "--endpoint-url", endpoint).output
    multipart({})  # the same bytes from another tool: nothing proves they are the same, so they go again
    result = deploy(str(site), f"s3://{bucket}", "--endpoint-url", endpoint, "--dry-run")
    assert f"更新 {f.rel}" in result.output and "将上传 1 个文件" in result.output


def test_delete_removes_a_deleted_page_and_nothing_outside_the_prefix(endpoint: str, bucket: str, site: Path) -> None:
    s3(endpoint).put_object(Bucket=bucket, Key="shequn-teacher/index.html", Body=b"teacher")
    target = f"s3://{bucket}/shequn"
    deploy(str(site), target, "--endpoint-url", endpoint)
    (site / "library" / "cases" / "index.html").unlink()
    deploy(str(site), target, "--endpoint-url", endpoint)
    assert "shequn/library/cases/index.html" in objects(endpoint, bucket)  # kept without --delete
    result = deploy(str(site), target, "--endpoint-url", endpoint, "--delete")
    assert "删除 1 个" in result.output
    remaining = objects(endpoint, bucket)
    assert "shequn/library/cases/index.html" not in remaining
    assert "shequn-teacher/index.html" in remaining  # a neighbouring prefix is not this site's
    assert "shequn/index.html" in remaining


def test_dry_run_lists_the_changes_and_makes_none(endpoint: str, bucket: str, site: Path) -> None:
    target = f"s3://{bucket}/shequn"
    first = deploy(str(site), target, "--endpoint-url", endpoint, "--dry-run")
    assert first.exit_code == 0
    assert "新增 shequn/index.html" in first.output and "试运行，没有改动" in first.output
    assert objects(endpoint, bucket) == {}
    deploy(str(site), target, "--endpoint-url", endpoint)
    before = objects(endpoint, bucket)
    (site / "library" / "cases" / "index.html").unlink()
    (site / "index.html").write_text("<p>改过的首页</p>", encoding="utf-8")
    plan = deploy(str(site), target, "--endpoint-url", endpoint, "--dry-run", "--delete")
    assert "更新 shequn/index.html" in plan.output and "删除 shequn/library/cases/index.html" in plan.output
    assert "将上传 1 个文件" in plan.output and "删除 1 个" in plan.output
    assert objects(endpoint, bucket) == before


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real command in a new process, as a teacher runs it."""
    code = "from coursekit.cli import main; main()"
    return subprocess.run([sys.executable, "-c", code, "deploy", *args], capture_output=True, text=True,
                          timeout=60, env={**os.environ, **(env or {})})


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_a_missing_bucket_is_named(endpoint: str, site: Path) -> None:
    line = one_line_error(run_cli(str(site), "s3://no-such-bucket/shequn", "--endpoint-url", endpoint))
    assert "存储桶 no-such-bucket" in line and "不存在" in line and "NoSuchBucket" in line


def test_no_server_at_the_endpoint(site: Path, endpoint: str) -> None:
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}"
    line = one_line_error(run_cli(str(site), "s3://course/shequn", "--endpoint-url", closed))
    assert f"连不上 {closed}" in line and "--endpoint-url" in line


def test_wrong_credentials(endpoint: str, bucket: str, site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # moto checks keys against its IAM users from the first request on (the server runs in this process)
    monkeypatch.setattr(moto_settings, "INITIAL_NO_AUTH_ACTION_COUNT", 0)
    result = deploy(str(site), f"s3://{bucket}/shequn", "--endpoint-url", endpoint)
    assert result.exit_code == 1
    assert "访问密钥不对" in result.output and "InvalidAccessKeyId" in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_no_credentials_at_all(endpoint: str, site: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")}
    result = subprocess.run([sys.executable, "-c", "from coursekit.cli import main; main()", "deploy", str(site),
                             "s3://course/x", "--endpoint-url", endpoint], capture_output=True, text=True, timeout=60,
                            env=env)
    assert "没有找到访问密钥" in one_line_error(result)


def test_a_bad_target_or_folder_is_refused(site: Path, tmp_path: Path) -> None:
    assert "s3://BUCKET/PREFIX" in run_cli(str(site), "oss://course/x").stderr
    (tmp_path / "empty").mkdir()
    assert "has no index.html" in one_line_error(run_cli(str(tmp_path / "empty"), "s3://course/x"))


def test_targets() -> None:
    assert (parse_target("s3://course").prefix, parse_target("s3://course/").prefix) == ("", "")
    assert parse_target("s3://course-1250000000/shequn/zh-hant").prefix == "shequn/zh-hant/"
    for bad in ("s3://Course/x", "s3://a/x", "s3://course/a//b", "s3://course/../x", "https://course/x"):
        with pytest.raises(ValueError):
            parse_target(bad)


def test_types_and_cache_rules(built: Path) -> None:
    assert content_type("a/index.html") == "text/html; charset=utf-8"
    assert content_type("assets/stylesheets/course.css") == "text/css; charset=utf-8"
    assert content_type("sitemap.xml.gz") == "application/gzip"
    assert content_type("downloads/ws-1.docx").endswith("wordprocessingml.document")
    assert content_type("diagrams/x.svg") == "image/svg+xml; charset=utf-8"
    assert content_type("LICENSE") == "application/octet-stream"
    assert cache_control("assets/javascripts/ck-store.js") == SHORT  # the name stays when the content changes
    assert cache_control("assets/javascripts/workers/search.a7633da7.min.js.map") == IMMUTABLE
    assert cache_control("sitemap.xml") == cache_control("404.html") == REVALIDATE
    for f in scan(built):  # every file of a built site gets a real type
        assert content_type(f.rel) != "application/octet-stream", f.rel
