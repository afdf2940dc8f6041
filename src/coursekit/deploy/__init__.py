"""``coursekit deploy``: a built site into S3-compatible object storage (Aliyun OSS, Tencent COS, AWS S3, MinIO).

:mod:`.rules` decides each file's Content-Type and Cache-Control (deploy/nginx/shequn.conf follows the same
rules), :mod:`.plan` compares the site with what the bucket holds, :mod:`.s3` talks to the bucket through
boto3, :mod:`.cli` is the command.
"""
