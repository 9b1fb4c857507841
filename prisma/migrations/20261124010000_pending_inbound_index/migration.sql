-- Inbound messages still waiting for an answer, per conversation. Every turn
-- looks them up twice (takeTurn's pending list, completeTurn's count of what
-- arrived meanwhile); without this index both read every message the
-- conversation ever had, which grows with long WhatsApp conversations.
-- Partial indexes cannot be written in schema.prisma, so this one lives here only.
CREATE INDEX "Message_pending_inbound_idx" ON "Message" ("conversationId", "seq") WHERE "direction" = 'inbound' AND "status" = 'received';
