/**
 * Marketplace terms shared by the indexer, the web app, scripts and tests, derived from the generated ABI,
 * and their ids by the documented rule: keccak256(abi.encode(terms)) (IListings, IOffers, IAuctions).
 */
import { encodeAbiParameters, getAbiItem, keccak256, type ContractFunctionArgs, type Hex } from "viem";
import { marketplaceAbi } from "../generated/abis.ts";

/** IListings.Listing, as viem encodes and decodes it. */
export type Listing = ContractFunctionArgs<typeof marketplaceAbi, "nonpayable", "list">[0];
/** IOffers.Offer. */
export type Offer = ContractFunctionArgs<typeof marketplaceAbi, "nonpayable", "makeOffer">[0];
/** IAuctions.Auction. */
export type Auction = ContractFunctionArgs<typeof marketplaceAbi, "nonpayable", "createAuction">[0];

/** IMarketBase.Standard. */
export const ERC721 = 0;
export const ERC1155 = 1;

const LISTING = getAbiItem({ abi: marketplaceAbi, name: "list" }).inputs;
const OFFER = getAbiItem({ abi: marketplaceAbi, name: "makeOffer" }).inputs;
const AUCTION = getAbiItem({ abi: marketplaceAbi, name: "createAuction" }).inputs;

/** A listing's id, as `listingId` computes it. */
export const listingIdOf = (listing: Listing): Hex => keccak256(encodeAbiParameters(LISTING, [listing]));
/** An offer's id, as `offerId` computes it. */
export const offerIdOf = (offer: Offer): Hex => keccak256(encodeAbiParameters(OFFER, [offer]));
/** An auction's id, as `auctionId` computes it. */
export const auctionIdOf = (auction: Auction): Hex => keccak256(encodeAbiParameters(AUCTION, [auction]));
