-- wrk script: POST a login with the credentials in EMAIL and PASSWORD.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email": "' .. os.getenv("EMAIL") .. '", "password": "' .. os.getenv("PASSWORD") .. '"}'
