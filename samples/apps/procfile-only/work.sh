#!/bin/sh
# A worker that would take jobs from a queue.
while true; do echo "working on $*"; sleep 60; done
