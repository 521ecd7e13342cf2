-- Revocation notices for the verified-token cache (issue 13, src/server/auth.ts).
-- Every server process keeps the tokens it has verified in memory and LISTENs
-- on `tavla_auth`; these triggers NOTIFY it, on commit, whenever a credential
-- stops being valid, however that happens: a route on any replica, the admin
-- command, plain SQL, or a cascade (an account or workplace deleted). The
-- payload names a device, an account or a workplace by id, never a token or
-- a token's hash. (TRUNCATE is not reported; the cache's 30 s limit covers it.)

create function tavla_auth_notice() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'device_tokens' then
    perform pg_notify('tavla_auth', json_build_object('kind', 'device', 'id', old.id)::text);
  elsif tg_table_name = 'sessions' then
    perform pg_notify('tavla_auth', json_build_object('kind', 'account', 'id', old.account_id)::text);
  elsif tg_table_name = 'workplaces' then
    perform pg_notify('tavla_auth', json_build_object('kind', 'workplace', 'id', old.id)::text);
  end if;
  return null;
end
$$;

-- a device revoked (or its token or workplace changed), or deleted
create trigger device_tokens_auth_update after update on device_tokens for each row
  when (old.revoked_at is distinct from new.revoked_at
        or old.token_hash is distinct from new.token_hash
        or old.workplace_id is distinct from new.workplace_id)
  execute function tavla_auth_notice();
create trigger device_tokens_auth_delete after delete on device_tokens for each row
  execute function tavla_auth_notice();

-- a session ended (logout, password reset, account deleted) or its expiry or account changed
create trigger sessions_auth_update after update on sessions for each row
  when (old.expires_at is distinct from new.expires_at or old.account_id is distinct from new.account_id)
  execute function tavla_auth_notice();
create trigger sessions_auth_delete after delete on sessions for each row
  execute function tavla_auth_notice();

-- a workplace erased: its device tokens go by cascade (and notify); this names the workplace too
create trigger workplaces_auth_delete after delete on workplaces for each row
  execute function tavla_auth_notice();
