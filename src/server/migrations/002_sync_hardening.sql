-- Sync hardening (issue 11): event-stream tickets, cursor epochs and a
-- blob reference table. Forward-only, like every migration.

-- Single-use tickets that open an event stream. EventSource cannot send an
-- Authorization header, and a bearer token in a URL ends up in proxy logs;
-- a ticket is fetched with the header, lives a minute and works once.
-- Only the SHA-256 of a ticket is stored.
create table event_tickets (
  ticket_hash text primary key,
  device_id uuid not null references device_tokens (id) on delete cascade,
  workplace_id uuid not null references workplaces (id) on delete cascade,
  expires_at timestamptz not null
);
create index event_tickets_expires_idx on event_tickets (expires_at);

-- Cursor epochs: every push that hands out sequence numbers records the
-- last one under a random epoch. A tablet's cursor is (seq, epoch of the
-- push that wrote seq); it is valid only while the push covering seq still
-- has that epoch. After a restore to an older state, new pushes reuse those
-- numbers under new epochs, so old cursors stop matching and tablets pull
-- from the start instead of skipping rows.
create table seq_epochs (
  workplace_id uuid not null references workplaces (id) on delete cascade,
  last_seq bigint not null,
  epoch text not null,
  primary key (workplace_id, last_seq)
);
-- numbers handed out before this migration all belong to one epoch
insert into seq_epochs (workplace_id, last_seq, epoch)
  select workplace_id, seq, md5(random()::text || workplace_id::text) from workplace_counters where seq > 0;

-- Which live record refers to which blob, kept with every write, so the
-- erasure check ("does anything still show this photo?") is an index
-- lookup instead of a scan of the workplace's rows.
create table blob_refs (
  workplace_id uuid not null,
  tbl text not null,
  id text not null,
  hash text not null,
  primary key (workplace_id, tbl, id, hash),
  foreign key (workplace_id, tbl, id) references records (workplace_id, tbl, id) on delete cascade
);
create index blob_refs_hash_idx on blob_refs (workplace_id, hash);
insert into blob_refs (workplace_id, tbl, id, hash)
  select workplace_id, tbl, id, data->>'photo' from records
   where not deleted and tbl in ('deviations', 'improvements') and data->>'photo' ~ '^[0-9a-f]{64}$'
  union
  select workplace_id, tbl, id, data->>'blob' from records
   where not deleted and tbl in ('pictograms', 'voiceClips') and data->>'blob' ~ '^[0-9a-f]{64}$'
  union
  select workplace_id, tbl, id, data->'avatar'->>'ref' from records
   where not deleted and tbl = 'persons' and data->'avatar'->>'kind' = 'photo' and data->'avatar'->>'ref' ~ '^[0-9a-f]{64}$';
