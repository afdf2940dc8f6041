"""The bucket side of a deploy, through boto3: list, read a stored hash, upload, delete; errors in one line.

Credentials come only from where boto3 looks by itself: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
(AWS_SESSION_TOKEN), AWS_PROFILE and ~/.aws/. Nothing in the repository is read for them.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from typing import Any

import boto3
import click
from botocore.config import Config
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    EndpointConnectionError,
    NoCredentialsError,
    PartialCredentialsError,
)
from botocore.exceptions import (
    ConnectionError as BotoConnectionError,
)

from .plan import SHA_KEY, LocalFile, RemoteObject, Target
from .rules import cache_control, content_type

WORKERS = 8
BAD_KEY = {"InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidClientTokenId", "AuthorizationHeaderMalformed",
           "InvalidToken", "ExpiredToken", "TokenRefreshRequired"}
NO_BUCKET = {"NoSuchBucket", "404", "NotFound"}
DENIED = {"AccessDenied", "403", "Forbidden", "AllAccessDisabled"}


class DeployError(click.ClickException):
    """A deploy that cannot go on: one line saying what to check."""


def client(endpoint_url: str | None, addressing_style: str) -> Any:
    """An S3 client for AWS or an S3-compatible service (Aliyun OSS, Tencent COS, MinIO) at ``endpoint_url``.

    Checksums only where the protocol requires them: the newer CRC trailers of boto3 are refused by several
    S3-compatible services; every upload sends its Content-MD5 instead.
    """
    config = Config(connect_timeout=10, read_timeout=120, retries={"mode": "standard"},
                    s3={"addressing_style": addressing_style},
                    request_checksum_calculation="when_required", response_checksum_validation="when_required")
    try:
        return boto3.session.Session().client("s3", endpoint_url=endpoint_url or None, config=config)
    except (BotoCoreError, ValueError) as exc:
        raise DeployError(f"无法连接对象存储：{exc}") from None


@contextmanager
def explained(target: Target, endpoint_url: str | None) -> Iterator[None]:
    """Turn boto3's errors inside the block into a DeployError that says what to check."""
    where = endpoint_url or "AWS S3"
    try:
        yield
    except (NoCredentialsError, PartialCredentialsError):
        raise DeployError("没有找到访问密钥：设置环境变量 AWS_ACCESS_KEY_ID 和 AWS_SECRET_ACCESS_KEY"
                          "（或用 AWS_PROFILE 指定 ~/.aws/credentials 里的配置）") from None
    except (EndpointConnectionError, BotoConnectionError) as exc:
        raise DeployError(f"连不上 {where}：检查网络和 --endpoint-url（{type(exc).__name__}）") from None
    except ClientError as exc:
        error = exc.response.get("Error", {})
        code, message = str(error.get("Code", "")), str(error.get("Message", "") or "")
        detail = f"（{code}{': ' + message if message else ''}）"
        if code in BAD_KEY:
            raise DeployError(f"访问密钥不对：{where} 不认这组 AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY{detail}") from None
        if code in NO_BUCKET:
            raise DeployError(f"存储桶 {target.bucket} 在 {where} 上不存在：先在控制台创建，或检查桶名和地域{detail}") from None
        if code in DENIED:
            raise DeployError(f"没有权限：这组密钥不能读写 {target}（检查桶的授权策略）{detail}") from None
        raise DeployError(f"{where} 拒绝了请求{detail}") from None
    except BotoCoreError as exc:
        raise DeployError(f"对象存储出错：{exc}") from None


def list_objects(s3: Any, target: Target) -> dict[str, RemoteObject]:
    """Every object under the target's prefix."""
    found = {}
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=target.bucket, Prefix=target.prefix):
        for obj in page.get("Contents", []):
            found[obj["Key"]] = RemoteObject(obj["Key"], obj.get("ETag", ""), int(obj.get("Size", 0)))
    return found


def stored_sha(s3: Any, target: Target) -> Callable[[str], str | None]:
    """A function that reads the sha256 an upload stored on an object (None if there is none)."""
    def read(key: str) -> str | None:
        meta = s3.head_object(Bucket=target.bucket, Key=key).get("Metadata", {})
        value = meta.get(SHA_KEY)
        return str(value) if value else None
    return read


def upload(s3: Any, target: Target, f: LocalFile) -> int:
    """Put one file with its Content-Type, Cache-Control, Content-MD5 and sha256; returns its size."""
    body = f.path.read_bytes()
    s3.put_object(Bucket=target.bucket, Key=target.prefix + f.rel, Body=body,
                  ContentType=content_type(f.rel), CacheControl=cache_control(f.rel),
                  ContentMD5=base64.b64encode(bytes.fromhex(f.md5)).decode("ascii"), Metadata={SHA_KEY: f.sha256})
    return f.size


def delete(s3: Any, target: Target, key: str) -> int:
    """Delete one object (one request each: DeleteObjects' checksum rules differ between services)."""
    s3.delete_object(Bucket=target.bucket, Key=key)
    return 0


def run_all(jobs: list[Callable[[], int]], done: Callable[[int], None]) -> None:
    """Run ``jobs`` on a few threads, calling ``done(result)`` as each ends; the first failure stops the rest."""
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = [pool.submit(job) for job in jobs]
        try:
            for future in as_completed(futures):
                done(future.result())
        except BaseException:
            for future in futures:
                future.cancel()
            raise
