# A Rack app: Heroku-style defaults run it with rackup on $PORT.
run ->(_env) { [200, { "content-type" => "text/plain" }, ["Hello from Ruby on paas.dev\n"]] }
