-- 0018: fewer indexes on interface messages, so that storing a message
-- before its ACK writes fewer pages. The patient index put every message on
-- a random page of its own (one more page in each group commit per
-- message); a claim now finds a patient's earlier pending messages in the
-- pending index, which carries the patient key and whose pending entries
-- are few and together. Nothing read by channel and time.
DROP INDEX interface_messages_patient;
DROP INDEX interface_messages_channel;
DROP INDEX interface_messages_pending;
CREATE INDEX interface_messages_pending ON interface_messages (status, id, patient_key);
