#!/usr/bin/env node
// Runs Argo CD health.lua scripts the way Argo CD does: the resource as the global `obj`, the script's returned table
// read as {status, message}. Input on stdin: [{"script": "<path>", "object": {...}}, ...]; output on stdout: one
// result per case, {"status", "message"} or {"error"}. Fengari is Lua 5.3 where Argo CD's gopher-lua is 5.1, so the
// scripts keep to the common subset, and only the libraries Argo CD opens are opened here.
"use strict";
const fs = require("fs");
const { lua, lauxlib, lualib, to_luastring, to_jsstring } = require("fengari");

const libraries = [
  ["_G", lualib.luaopen_base],
  [lualib.LUA_TABLIBNAME, lualib.luaopen_table],
  [lualib.LUA_STRLIBNAME, lualib.luaopen_string],
  [lualib.LUA_MATHLIBNAME, lualib.luaopen_math],
];

function push(L, value) {
  if (value === null || value === undefined) {
    lua.lua_pushnil(L);
  } else if (typeof value === "boolean") {
    lua.lua_pushboolean(L, value);
  } else if (typeof value === "number") {
    if (Number.isInteger(value)) {
      lua.lua_pushinteger(L, value);
    } else {
      lua.lua_pushnumber(L, value);
    }
  } else if (typeof value === "string") {
    lua.lua_pushstring(L, to_luastring(value));
  } else if (Array.isArray(value)) {
    lua.lua_createtable(L, value.length, 0);
    value.forEach((item, index) => {
      push(L, item);
      lua.lua_rawseti(L, -2, index + 1);
    });
  } else {
    lua.lua_createtable(L, 0, Object.keys(value).length);
    for (const [key, item] of Object.entries(value)) {
      if (item === null) {
        continue; // JSON null is an absent field, as in Argo CD's conversion.
      }
      push(L, item);
      lua.lua_setfield(L, -2, to_luastring(key));
    }
  }
}

function field(L, name) {
  lua.lua_getfield(L, -1, to_luastring(name));
  const value = lua.lua_isnil(L, -1) ? null : lua.lua_tojsstring(L, -1);
  lua.lua_pop(L, 1);
  return value;
}

function run(script, object) {
  const L = lauxlib.luaL_newstate();
  for (const [name, open] of libraries) {
    lauxlib.luaL_requiref(L, to_luastring(name), open, 1);
    lua.lua_pop(L, 1);
  }
  push(L, object);
  lua.lua_setglobal(L, to_luastring("obj"));
  const source = fs.readFileSync(script, "utf8");
  if (lauxlib.luaL_loadbuffer(L, to_luastring(source), null, to_luastring("@" + script)) !== lua.LUA_OK
      || lua.lua_pcall(L, 0, 1, 0) !== lua.LUA_OK) {
    return { error: to_jsstring(lua.lua_tostring(L, -1)) };
  }
  if (!lua.lua_istable(L, -1)) {
    return { error: `${script} returned ${to_jsstring(lauxlib.luaL_typename(L, -1))}, not a table` };
  }
  return { status: field(L, "status"), message: field(L, "message") };
}

const cases = JSON.parse(fs.readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(cases.map((c) => run(c.script, c.object))));
