#!/bin/sh
# Answers on $PORT with busybox when the image has it.
exec busybox httpd -f -p "$PORT" -h .
