<?php
// Served by the PHP buildpack's default web process from public/.
echo "Hello from PHP " . PHP_VERSION . " on paas.dev\n";
