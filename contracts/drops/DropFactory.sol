// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {IDropFactory} from "./IDropFactory.sol";
import {DropCollection} from "./DropCollection.sol";
import {IPayments} from "../ledger/IPayments.sol";
import {IArtistRegistry} from "../artists/IArtistRegistry.sol";

/// @title DropFactory
/// @notice One drop collection per artist. See {IDropFactory}.
/// @dev Must be a Ledger factory-level operator (set through the FeeRouter): every collection it creates
///      becomes an operator, so a fan's ERC-20 approval to the Ledger pays for any drop.
contract DropFactory is IDropFactory, Ownable2Step {
    /// @inheritdoc IDropFactory
    address public immutable IMPLEMENTATION;
    IPayments public immutable LEDGER;
    IArtistRegistry public immutable REGISTRY;

    /// @inheritdoc IDropFactory
    mapping(address artist => address) public collectionOf;
    /// @inheritdoc IDropFactory
    string public metadataBaseURI;
    /// @inheritdoc IDropFactory
    address public defaultMinter;

    constructor(
        IPayments ledger,
        IArtistRegistry registry,
        address owner_,
        string memory baseURI,
        address minter
    ) Ownable(owner_) {
        LEDGER = ledger;
        REGISTRY = registry;
        IMPLEMENTATION = address(new DropCollection(ledger, this));
        metadataBaseURI = baseURI;
        defaultMinter = minter;
        emit MetadataBaseURIChanged(baseURI);
        emit DefaultMinterChanged(minter);
    }

    /// @inheritdoc IDropFactory
    function createCollection(string calldata name, uint96 royaltyBps) external returns (address collection) {
        (address payout, ) = REGISTRY.payoutAndReferrer(msg.sender);
        if (payout == address(0)) revert DropFactory_NotRegistered(msg.sender);
        address existing = collectionOf[msg.sender];
        if (existing != address(0)) revert DropFactory_AlreadyCreated(msg.sender, existing);
        collection = Clones.cloneDeterministicWithImmutableArgs(IMPLEMENTATION, _args(msg.sender), _salt(msg.sender));
        collectionOf[msg.sender] = collection;
        address minter = defaultMinter;
        DropCollection(collection).initialize(name, payout, royaltyBps, minter);
        LEDGER.addOperator(collection);
        emit CollectionCreated(msg.sender, collection, name, payout, royaltyBps, minter);
    }

    /// @inheritdoc IDropFactory
    function predictCollection(address artist) external view returns (address) {
        return Clones.predictDeterministicAddressWithImmutableArgs(IMPLEMENTATION, _args(artist), _salt(artist));
    }

    /// @inheritdoc IDropFactory
    function setMetadataBaseURI(string calldata uri) external onlyOwner {
        metadataBaseURI = uri;
        emit MetadataBaseURIChanged(uri);
    }

    /// @inheritdoc IDropFactory
    function setDefaultMinter(address minter) external onlyOwner {
        defaultMinter = minter;
        emit DefaultMinterChanged(minter);
    }

    /// @dev The artist is a clone argument: collections read it from their own code, not from storage.
    function _args(address artist) internal pure returns (bytes memory) {
        return abi.encodePacked(artist);
    }

    function _salt(address artist) internal pure returns (bytes32) {
        return bytes32(uint256(uint160(artist)));
    }
}
