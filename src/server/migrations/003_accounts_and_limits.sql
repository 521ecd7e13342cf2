-- Accounts and limits for running Tavla for real (issue 12).

-- Attempt counters of the rate limits (per IP and per account), kept here
-- rather than in each replica's memory so a limit holds across replicas.
-- A row is one fixed window: `count` attempts since the window began,
-- forgotten at `reset_at`.
create table rate_limits (
  key text primary key,
  count integer not null,
  reset_at timestamptz not null
);
create index rate_limits_reset_idx on rate_limits (reset_at);

-- One-time invitations to sign up once sign-up is closed (after the first
-- account). Only the SHA-256 of the code is stored.
create table invites (
  code_hash text primary key,
  created_by uuid references accounts (id) on delete cascade,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  used_by uuid references accounts (id) on delete set null
);
