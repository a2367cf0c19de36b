-- wrk script for bench/comments.sh: posts Parley's reply form ("Leave a Reply") over and over.
--
--   wrk -t2 -c16 -d15s --latency -s bench/comment-post.lua URL -- TOKEN ISSUED COOKIE RUN [PARENT_ID]
--
-- TOKEN is the anti-forgery token from /comments/form-state and COOKIE the parley_af cookie that answer
-- set (the anti-forgery pair); ISSUED is the signed form stamp it gave. Parley
-- accepts the same pair and stamp again and again (the stamp only has to be younger than a day and,
-- with Parley__Limits__CommentMinimumSeconds=0, need not be older than anything), so one GET by the
-- calling script serves the whole run. RUN is a tag that makes the bodies unique across runs: Parley
-- refuses a comment identical to one already on the post, so every body carries RUN, the wrk thread
-- and a per-thread counter.
--
-- A saved comment is answered 303 See Other; everything else is counted as an error, and the first
-- such answer's status and start of body are printed, so the caller can show why.

local threads = {}

function setup(thread)
   thread:set("id", #threads + 1)
   table.insert(threads, thread)
end

local function encode(s)
   return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local fixed, run
counter, ok, bad, codes, first_error = 0, 0, 0, "", ""
local code_counts = {}

function init(args)
   local token, issued, cookie = args[1], args[2], args[3]
   run = args[4] or "run"
   if not token or not issued or not cookie then
      error("usage: ... -- TOKEN ISSUED COOKIE RUN [PARENT_ID]")
   end
   fixed = "__parley_af=" .. encode(token) .. "&Form.Issued=" .. encode(issued)
      .. "&Form.Name=" .. encode("Bench Reader") .. "&Form.Email=" .. encode("bench-reader@example.com")
   if args[5] and args[5] ~= "" then fixed = fixed .. "&Form.ParentId=" .. args[5] end
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
   wrk.headers["Cookie"] = "parley_af=" .. cookie
end

function request()
   counter = counter + 1
   -- About 300 characters with a little Markdown, roughly a short real comment.
   local body = string.format(
      "Comment %d from thread %d of %s. I walked along the river last **Saturday** and the difference is "
      .. "easy to see: fewer bags in the reeds, and the bank by the footbridge is clear again. "
      .. "Thanks to everyone who turned up, and *see you* at the next clean-up.", counter, id, run)
   return wrk.format(nil, nil, nil, fixed .. "&Form.Body=" .. encode(body))
end

function response(status, headers, body)
   if status == 303 then
      ok = ok + 1
      return
   end
   bad = bad + 1
   code_counts[status] = (code_counts[status] or 0) + 1
   local parts = {}
   for code, n in pairs(code_counts) do table.insert(parts, code .. "=" .. n) end
   table.sort(parts)
   codes = table.concat(parts, ",")
   if first_error == "" then
      first_error = status .. " " .. string.sub((body or ""):gsub("%s+", " "), 1, 400)
   end
end

function done(summary, latency, requests)
   local ok_total, bad_total, all_codes, sample = 0, 0, {}, ""
   for _, thread in ipairs(threads) do
      ok_total = ok_total + thread:get("ok")
      bad_total = bad_total + thread:get("bad")
      local c = thread:get("codes")
      if c ~= "" then table.insert(all_codes, "thread " .. thread:get("id") .. ": " .. c) end
      if sample == "" then sample = thread:get("first_error") end
   end
   io.write(string.format("Posted (303): %d\n", ok_total))
   io.write(string.format("Not posted (other status): %d\n", bad_total))
   if #all_codes > 0 then io.write("Statuses: " .. table.concat(all_codes, "; ") .. "\n") end
   if sample ~= "" then io.write("First refusal: " .. sample .. "\n") end
end
