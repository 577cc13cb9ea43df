-- 0005: interface messages (HL7 v2 received over MLLP), kept durably before
-- the ACK, and processed into the record afterwards in order per patient.
CREATE TABLE interface_messages (
	id               INTEGER PRIMARY KEY,
	channel          TEXT NOT NULL,
	remote           TEXT NOT NULL DEFAULT '',
	sending_app      TEXT NOT NULL,
	sending_facility TEXT NOT NULL,
	control_id       TEXT NOT NULL,
	message_type     TEXT NOT NULL DEFAULT '',
	patient_key      TEXT NOT NULL DEFAULT '',
	raw              BLOB NOT NULL, -- encrypted
	ack              BLOB NOT NULL,
	ack_code         TEXT NOT NULL,
	received_at      TEXT NOT NULL,
	status           TEXT NOT NULL, -- received, processed, error, rejected
	attempts         INTEGER NOT NULL DEFAULT 0,
	error            TEXT NOT NULL DEFAULT '',
	processed_at     TEXT,
	lease_until      TEXT,
	UNIQUE (sending_app, sending_facility, control_id)
);
CREATE INDEX interface_messages_pending ON interface_messages (status, id);
CREATE INDEX interface_messages_patient ON interface_messages (patient_key, id);
CREATE INDEX interface_messages_channel ON interface_messages (channel, received_at);
