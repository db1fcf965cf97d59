#!/usr/bin/env bash
# start_nginx ROOT: serves the folder ROOT over HTTP with nginx (the Debian package: static files,
# Range requests, keep-alive) on a free port of 127.0.0.1, its config and logs under `$work/nginx`;
# sets `nginx_url` (http://127.0.0.1:PORT/), `nginx_log` (one line a request: connection, request,
# status, bytes sent, Range header) and `nginx_pid`. The caller stops it (kill "$nginx_pid").
# shellcheck disable=SC2034,SC2154  # work comes from scratch_dir; nginx_* are for the caller
start_nginx() {
  local root="$1" prefix="$work/nginx" port
  local executable
  executable="$(command -v nginx || echo /usr/sbin/nginx)"
  [ -x "$executable" ] || {
    echo "nginx is not installed (tools/setup/install-deps.sh installs it)" >&2
    exit 1
  }
  mkdir -p "$prefix/temp"
  # nginx's worker may run as another user (when started as root): it must reach the files.
  chmod a+rx "$work" "$root"
  port="$(python3 -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")"
  cat >"$prefix/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $prefix/nginx.pid;
error_log $prefix/error.log warn;
events { worker_connections 256; }
http {
    log_format ranges '\$connection "\$request" \$status \$body_bytes_sent "\$http_range"';
    access_log $prefix/access.log ranges;
    client_body_temp_path $prefix/temp/body;
    proxy_temp_path $prefix/temp/proxy;
    fastcgi_temp_path $prefix/temp/fastcgi;
    uwsgi_temp_path $prefix/temp/uwsgi;
    scgi_temp_path $prefix/temp/scgi;
    default_type application/octet-stream;
    keepalive_requests 100000;
    server {
        listen 127.0.0.1:$port;
        root $root;
        location / { }
    }
}
CONF
  "$executable" -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/error.log" &
  nginx_pid=$!
  for _ in $(seq 100); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break
    sleep 0.1
  done
  nginx_url="http://127.0.0.1:$port/"
  nginx_log="$prefix/access.log"
}

# nginx_bytes_sent PATTERN: the bytes nginx sent for requests whose line matches PATTERN (a grep -E
# pattern), from `nginx_log`.
nginx_bytes_sent() {
  { grep -E "$1" "$nginx_log" || true; } | awk '{ sum += $(NF - 1) } END { print sum + 0 }'
}
