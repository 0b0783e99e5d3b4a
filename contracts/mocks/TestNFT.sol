// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC2981} from "@openzeppelin/contracts/token/common/ERC2981.sol";

/// @title TestNFT
/// @notice An outside ERC-721 collection for tests and benchmarks: anyone mints, ERC-2981 royalty set at
///         deployment.
contract TestNFT is ERC721, ERC2981 {
    constructor(address royaltyReceiver, uint96 royaltyBps) ERC721("Test NFT", "TNFT") {
        _setDefaultRoyalty(royaltyReceiver, royaltyBps);
    }

    /// @notice Mints `tokenId` to `to`.
    function mint(address to, uint256 tokenId) external {
        _mint(to, tokenId);
    }

    /// @inheritdoc ERC721
    function supportsInterface(bytes4 interfaceId) public view override(ERC721, ERC2981) returns (bool) {
        return super.supportsInterface(interfaceId);
    }
}
