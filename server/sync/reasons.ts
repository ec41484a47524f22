/** The rejection reasons are part of the wire contract (shared/protocol/reasons.ts). */
export { REJECT } from '../../shared/protocol/reasons';
