/**
 * What the client and the server agree on: the room's name, the messages each side sends, their zod
 * schemas, the error codes, and how the synced state encodes a view (flat JSON leaves, so that one
 * action changes a few bytes, not the whole game). The server parses every client message with these
 * schemas; the client uses the same types to send and to read. The protocol carries message keys and
 * parameters; the clients translate them (shared/i18n).
 */
export {
  CreateOptionsSchema,
  GameIdSchema,
  JoinOptionsSchema,
  LIMITS,
  PACE_FACTOR,
  PACES,
  ROOM_CODE_ALPHABET,
  ROOM_CODE_LENGTH,
  ROOM_NAME,
  RoomCodeSchema,
  TimersSchema,
  type CreateOptions,
  type JoinOptions,
  type Pace,
  type Timers,
} from "./room.ts";
export {
  ALL_ERROR_CODES,
  CLIENT_MESSAGE_TYPES,
  ClientMessages,
  PROTOCOL_ERROR_CODES,
  protocolError,
  SEAT_HOLDERS,
  type ChatLine,
  type ClientMessage,
  type ClientMessageType,
  type ProtocolErrorCode,
  type SeatHolder,
  type ServerMessages,
} from "./messages.ts";
export {
  checkRoomCode,
  LobbyListSchema,
  LobbyRoomSchema,
  type CodeProblem,
  type LobbyRoom,
} from "./lobby.ts";
export { FLAT_DEPTH, flatten, unflatten, WHOLE_FIELDS } from "./flat.ts";
export { packTimelineEntry, unpackTimelineEntry } from "./timeline.ts";
export {
  legalFromObject,
  legalToObject,
  publicViewOf,
  seatViewOf,
  type SyncedParts,
  type UnavailableByType,
} from "./seat-view.ts";
