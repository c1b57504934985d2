// A web dyno: listens on $PORT as every Heroku-style web process must.
const express = require("express");

const app = express();
const port = Number(process.env.PORT || 5000);
// Dynos listen on every interface; HOST lets a local run stay on loopback.
const host = process.env.HOST || "0.0.0.0";

app.get("/", (request, response) => {
  response.type("text/plain").send(`Hello from Node.js ${process.version} on paas.dev\n`);
});

app.listen(port, host, () => {
  console.log(`listening on ${host}:${port}`);
});
