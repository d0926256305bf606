/** A limit of `capacity` requests at once, refilled at one request per `refillSeconds`. */
export interface RateLimit {
  capacity: number;
  refillSeconds: number;
}
