"""``coursekit deploy SITE_DIR s3://BUCKET/PREFIX``: publish a built site, changing only what changed."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn, TransferSpeedColumn

from . import s3
from .plan import Plan, Target, compare, parse_target, scan
from .rules import ALWAYS_FRESH


@click.command("deploy")
@click.argument("site_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("target")
@click.option("--endpoint-url", metavar="URL",
              help="S3-compatible service, e.g. https://oss-cn-hangzhou.aliyuncs.com or "
                   "https://cos.ap-guangzhou.myqcloud.com (default: AWS S3).")
@click.option("--delete", is_flag=True, help="Also remove objects under the prefix that the site no longer has.")
@click.option("--dry-run", is_flag=True, help="List what would change; change nothing.")
@click.option("--force", is_flag=True, help="Upload every file again (after the cache rules changed).")
@click.option("--addressing-style", type=click.Choice(["auto", "virtual", "path"]), default="auto",
              show_default=True, help="virtual for Aliyun OSS and Tencent COS (BUCKET.endpoint); path for MinIO.")
def deploy(site_dir: Path, target: str, endpoint_url: str | None, delete: bool, dry_run: bool, force: bool,
           addressing_style: str) -> None:
    """发布网站：把 SITE_DIR（mkdocs 的输出，如 site/）上传到对象存储，只传改过的文件。

    密钥只从环境变量（AWS_ACCESS_KEY_ID、AWS_SECRET_ACCESS_KEY）或 AWS_PROFILE / ~/.aws/ 读取；
    地域用 AWS_DEFAULT_REGION。学生版、教师版分开发布（README：部署）。
    """
    try:
        dest = parse_target(target)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="TARGET") from None
    if not (site_dir / "index.html").is_file():
        raise click.ClickException(f"{site_dir} has no index.html: pass the folder mkdocs built (site/, site-teacher/)")
    files = scan(site_dir)
    client = s3.client(endpoint_url, addressing_style)
    with s3.explained(dest, endpoint_url):
        remote = s3.list_objects(client, dest)
        plan = compare(files, remote, dest.prefix, delete=delete, force=force, remote_sha=s3.stored_sha(client, dest))
        if dry_run:
            _print_plan(plan, dest)
            return
        _apply(client, dest, plan)
    click.echo(f"已发布到 {dest}：上传 {len(plan.uploads)} 个文件（{plan.upload_bytes / 1e6:.1f} MB），"
               f"删除 {len(plan.deletes)} 个，{plan.unchanged} 个未变。")


def _print_plan(plan: Plan, dest: Target) -> None:
    for f, why in plan.uploads:
        click.echo(f"{why} {dest.prefix}{f.rel}")
    for key in plan.deletes:
        click.echo(f"删除 {key}")
    click.echo(f"试运行，没有改动 {dest}：将上传 {len(plan.uploads)} 个文件（{plan.upload_bytes / 1e6:.1f} MB），"
               f"删除 {len(plan.deletes)} 个，{plan.unchanged} 个未变。")


def _apply(client: object, dest: Target, plan: Plan) -> None:
    """Assets first, then pages, search index and sitemap, then deletions: no page points at a missing file."""
    assets = [f for f, _ in plan.uploads if not ALWAYS_FRESH.search(f.rel)]
    pages = [f for f, _ in plan.uploads if ALWAYS_FRESH.search(f.rel)]
    console = Console(stderr=True)
    columns = (TextColumn("上传"), BarColumn(), DownloadColumn(), TransferSpeedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task("upload", total=plan.upload_bytes or 1)
        advance: Callable[[int], None] = partial(progress.advance, task)
        for batch in (assets, pages):
            s3.run_all([partial(s3.upload, client, dest, f) for f in batch], advance)
        s3.run_all([partial(s3.delete, client, dest, key) for key in plan.deletes], advance)
